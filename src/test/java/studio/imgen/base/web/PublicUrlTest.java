package studio.imgen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import studio.imgen.base.AppProperties;

/** Invitation links without APP_PUBLIC_URL, and the admin's warning when it points elsewhere (issue 14, defect 14). */
class PublicUrlTest {

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withoutAConfiguredUrlLinksFollowTheAddressTheContainerSawBehindItsProxy() {
        // What Tomcat reports after applying the X-Forwarded-Proto/Host it trusts.
        bind("https", "imgen.example.com", 443);
        assertThat(publicUrl(null).base()).isEqualTo("https://imgen.example.com");
        assertThat(publicUrl("").mismatch()).isEmpty();

        bind("http", "10.0.0.5", 8080);
        assertThat(publicUrl("  ").base()).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void withoutARequestThereIsNoBaseToGuess() {
        assertThat(publicUrl(null).base()).isEmpty();
    }

    @Test
    void aConfiguredUrlWinsAndWarnsWhenTheAdminUsesAnotherAddress() {
        bind("http", "localhost", 8080);
        PublicUrl configured = publicUrl("https://imgen.example.com/");
        assertThat(configured.base()).isEqualTo("https://imgen.example.com");
        assertThat(configured.mismatch()).contains("Invitation links use https://imgen.example.com (APP_PUBLIC_URL), but"
                + " you are using http://localhost:8080. If people reach the app at http://localhost:8080, ask the"
                + " operator to change APP_PUBLIC_URL, or the links will not work for them.");

        bind("https", "IMGEN.example.com", 443);
        assertThat(configured.mismatch()).isEmpty();
    }

    private static PublicUrl publicUrl(String configured) {
        return new PublicUrl(new AppProperties("/tmp", configured));
    }

    private static void bind(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
