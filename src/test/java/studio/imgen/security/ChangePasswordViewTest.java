package studio.imgen.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    CurrentUser currentUser;

    @Test
    void wrongCurrentPasswordIsExplainedAndNothingChanges() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        login(ana);
        navigate("change-password");

        fill("not my password", "a brand new secret", "a brand new secret");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                .isEqualTo("Your current password is not correct.");
        assertThat(encoder.matches(TestUsers.PASSWORD, accounts.findById(ana.id()).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void forcedChangeStoresTheNewPasswordAndLiftsTheRequirement() {
        TestUser ben = users.create(users.workspace("Acme"), "Ben", false, true);
        login(ben);
        navigate("change-password");

        fill(TestUsers.PASSWORD, "a brand new secret", "a brand new secret");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        var row = accounts.findById(ben.id()).orElseThrow();
        assertThat(row.getMustChangePassword()).isFalse();
        assertThat(encoder.matches("a brand new secret", row.getPasswordHash())).isTrue();
        assertThat(currentUser.require().mustChangePassword()).isFalse();
    }

    @Test
    void mismatchedConfirmationIsRefused() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        login(ana);
        navigate("change-password");

        fill(TestUsers.PASSWORD, "a brand new secret", "a brand new secreT");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                .isEqualTo("The two new passwords do not match.");
    }

    private static void fill(String current, String next, String confirm) {
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), current);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), next);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat new password")), confirm);
    }
}
