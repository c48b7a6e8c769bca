package studio.imgen.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The app on a random port (the shared RANDOM_PORT context): for HTTP-level tests and, via BrowserTest, Playwright. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestBeans.class)
public abstract class ServerTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected MutableClock clock;

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
