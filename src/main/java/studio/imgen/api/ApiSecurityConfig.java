package studio.imgen.api;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The filter chain of {@code /v1/**}, ahead of Vaadin's: Bearer tokens only, stateless (a session cookie is ignored,
 * none is ever created), no CSRF surface because no cookie authenticates, answers in OpenAI's error JSON, never a
 * login redirect. The Vaadin chain, in turn, has no token filter: a token opens no page of the UI.
 */
@Configuration
class ApiSecurityConfig {

    static final String MISSING = "Missing API token. Send it as \"Authorization: Bearer imgs_…\"; you can create "
            + "one under \"API tokens\" in ImGen Studio.";

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator authenticator, ApiAuthThrottle throttle,
                                 ApiErrorWriter errors, ApiProperties properties) throws Exception {
        http.securityMatcher("/v1/**")
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR).denyAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(RequestCacheConfigurer::disable)
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterAfter(new BearerTokenFilter(authenticator, throttle, errors), SecurityContextHolderFilter.class)
                .addFilterBefore(new RequestSizeLimit(properties, errors), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) ->
                                errors.write(response, ApiFailure.unauthenticated(MISSING)))
                        .accessDeniedHandler((request, response, denied) ->
                                errors.write(response, ApiFailure.forbidden("forbidden", null,
                                        "This token may not do that."))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; sandbox"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .cacheControl(withDefaults())
                        .contentTypeOptions(withDefaults()));
        return http.build();
    }
}
