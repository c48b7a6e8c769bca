package studio.imgen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The whole-run canary watch must be able to fail: each place it reads really sees a leaked canary. */
class CanaryWatchTest {

    @Test
    void aLogLineWithACanaryIsCaught() {
        String canary = Canaries.fresh();
        Canaries.drainLeaks();

        LoggerFactory.getLogger(CanaryWatchTest.class).warn("calling upstream with key {}", canary);

        assertThat(Canaries.drainLeaks()).singleElement().asString().startsWith("console")
                .contains("calling upstream with key sk-canary-<masked>").doesNotContain(canary);
    }

    @Test
    void aResponseBodyOrHeaderWithACanaryIsCaughtEvenWhenSplitAcrossWrites() throws Exception {
        String canary = Canaries.fresh();
        Canaries.drainLeaks();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new CanaryResponseFilter().doFilter(new MockHttpServletRequest("POST", "/"), response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse resp)
                            throws java.io.IOException {
                        resp.setHeader("X-Debug", "key=" + canary);
                        var out = resp.getOutputStream();
                        out.write(("{\"uidl\":\"" + canary.substring(0, 12)).getBytes());
                        out.write((canary.substring(12) + "\"}").getBytes());
                    }
                }));

        assertThat(response.getContentAsString()).contains(canary);
        assertThat(Canaries.drainLeaks()).hasSize(2).anySatisfy(l -> assertThat(l).contains("header X-Debug"))
                .anySatisfy(l -> assertThat(l).startsWith("HTTP response POST /").contains("{\"uidl\":\"sk-canary-<masked>"));
    }

    @Test
    void registeredCanariesIncludeTheWorkspaceKeyOfEveryTest() {
        Canaries.scan("probe", "x " + TestUsers.API_KEY + " y");
        assertThat(Canaries.drainLeaks()).singleElement().asString().startsWith("probe");
        assertThat(TestUsers.API_KEY).startsWith("sk-canary-");
    }
}
