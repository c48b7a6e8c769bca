package studio.imgen.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The scraper's account for the actuator endpoints (HTTP Basic): one user from the environment, not a studio member,
 * with the single role {@code METRICS}. Passwords are compared in constant time over their SHA-256, so a scrape every
 * few seconds costs nothing like a password hash would.
 */
final class MetricsUser implements org.springframework.security.authentication.AuthenticationProvider {

    static final String ROLE = "METRICS";

    private final String username;
    private final byte[] passwordHash;

    MetricsUser(String username, String password) {
        if (!configured(username, password)) {
            throw new IllegalArgumentException("metrics username and password are required");
        }
        this.username = username;
        this.passwordHash = sha256(password);
    }

    static boolean configured(String username, String password) {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String offeredPassword = String.valueOf(authentication.getCredentials());
        boolean passwordMatches = MessageDigest.isEqual(passwordHash, sha256(offeredPassword));
        if (!username.equals(authentication.getName()) || !passwordMatches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
