package studio.imgen.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import studio.imgen.security.LoginThrottledException;

/** The only page anonymous visitors can open. Failed attempts come back with {@code ?error}. */
@Route("login")
@PageTitle("Log in · ImGen Studio")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        H1 brand = new H1("ImGen Studio");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("Create and refine images with your team.");
        tagline.addClassName("login-tagline");
        Div card = new Div(brand, tagline, form);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setI18n(errorI18n(lastFailure()));
            form.setError(true);
        }
    }

    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return null;
        }
        HttpSession http = session.getSession() instanceof com.vaadin.flow.server.WrappedHttpSession wrapped
                ? wrapped.getHttpSession() : null;
        return http == null ? null : http.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    static LoginI18n errorI18n(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (failure instanceof LoginThrottledException throttled) {
            error.setTitle("Too many failed attempts");
            error.setMessage("Wait " + throttled.waitSeconds() + " seconds, then try again.");
        } else if (failure instanceof DisabledException) {
            error.setTitle("Account deactivated");
            error.setMessage("Your account has been deactivated. Ask a workspace admin to reactivate it.");
        } else {
            error.setTitle("Incorrect username or password");
            error.setMessage("Check that you entered them correctly and try again.");
        }
        return i18n;
    }
}
