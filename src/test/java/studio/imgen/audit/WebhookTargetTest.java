package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.base.UserInputException;

/** SSRF guard of the webhook (matrix row 53): only public addresses unless the instance allows private ones. */
class WebhookTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "0.0.0.0", "100.64.0.1", "198.18.0.1", "255.255.255.255", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1",
            "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1"})
    void loopbackPrivateLinkLocalAndReservedAddressesAreNotPublic(String literal) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "64:ff9b::808:808"})
    void publicAddressesArePublic(String literal) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.1/hook", "http://10.1/x"})
    void shortIpv4FormsAreNotEvenTakenForHosts(String url) {
        assertThatThrownBy(() -> WebhookTarget.parse(url)).as(url).isInstanceOf(UserInputException.class)
                .hasMessage("The webhook URL needs a host name.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://[::1]/x",
            "https://[::ffff:7f00:1]/x", "http://169.254.169.254/latest/meta-data", "http://10.1.2.3:9000/x",
            "http://0/x", "http://2130706433/x"})
    void urlsPointingInsideAreRefusedUnlessAllowed(String url) {
        URI uri = WebhookTarget.parse(url);

        assertThatThrownBy(() -> WebhookTarget.checkAddresses(uri, false)).as(url)
                .isInstanceOf(UserInputException.class)
                .hasMessage("Webhooks to loopback or private network addresses are not allowed.");
        WebhookTarget.checkAddresses(uri, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "javascript:alert(1)",
            "http://user:secret@example.com/x", "http:///nohost", "http://exa mple.com/", "https://example.com/#frag", "   "})
    void onlyPlainHttpUrlsAreAccepted(String url) {
        assertThatThrownBy(() -> WebhookTarget.parse(url)).as(url).isInstanceOf(UserInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T0/B0/xyz", "https://discord.com/api/webhooks/1/abc",
            "HTTP://Example.com:8443/x?y=1"})
    void chatWebhookUrlsParse(String url) {
        assertThat(WebhookTarget.parse(url).getHost()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T0/B0/secret"})
    void theDescriptionKeepsTheSecretPathOut(String url) {
        assertThat(WebhookTarget.describe(url)).isEqualTo("https://hooks.slack.com/…");
    }
}
