package studio.imgen.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;

/**
 * Browserless view tests (Karibu-Testing) on the shared integration context, with helpers to log in as a member or
 * admin of a workspace. Karibu 2.5 has no Spring Security support, so the principal is copied into its fake request
 * where Vaadin's navigation access control looks for it.
 */
@IntegrationTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected MembershipLookup memberships;
    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void setUpVaadin() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("studio.imgen");
        }
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Logs the user in with their active workspace resolved as at a real login. */
    protected StudioUser login(TestUsers.TestUser user) {
        return login(user, user.workspaceId());
    }

    protected StudioUser login(TestUsers.TestUser user, UUID workspaceId) {
        ActiveMembership membership = memberships.resolve(user.id(), workspaceId).orElse(null);
        return login(new StudioUser(user.id(), user.username(), user.displayName(), null, true, false, membership));
    }

    protected StudioUser login(StudioUser principal) {
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((p, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        return principal;
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
