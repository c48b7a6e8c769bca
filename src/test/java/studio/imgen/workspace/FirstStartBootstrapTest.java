package studio.imgen.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.APP_USER;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.TestUsers;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartBootstrapTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    WorkspaceRepository workspaces;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theStartedAppHasTheConfiguredAdminInTheDefaultWorkspace() {
        var admin = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq("admin")).fetchOne();
        assertThat(admin).isNotNull();
        assertThat(admin.getMustChangePassword()).isFalse();
        assertThat(workspaces.findForUser(admin.getId()))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.name()).isEqualTo(FirstStartBootstrap.DEFAULT_WORKSPACE);
                    assertThat(w.admin()).isTrue();
                });
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnceAndMustBeChanged(CapturedOutput output) {
        String username = TestUsers.unique("boot");
        new FirstStartBootstrap(accounts, workspaces, transaction, username, "").createFirstAdmin(TestUsers.unique("WS"));

        Matcher logged = Pattern.compile("password: (\\S+)").matcher(output.getOut());
        assertThat(logged.find()).isTrue();
        String password = logged.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        var row = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne();
        assertThat(row.getMustChangePassword()).isTrue();
        assertThat(encoder.matches(password, row.getPasswordHash())).isTrue();
        assertThat(output.getOut().split(Pattern.quote(password), -1)).hasSize(2);
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithoutEchoingIt() {
        String username = TestUsers.unique("boot");
        FirstStartBootstrap bootstrap = new FirstStartBootstrap(accounts, workspaces, transaction, username, "password123");

        assertThatThrownBy(() -> bootstrap.createFirstAdmin(TestUsers.unique("WS")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too common")
                .hasMessageNotContaining("password123");
        assertThat(accounts.findIdByUsername(username)).isEmpty();
    }
}
