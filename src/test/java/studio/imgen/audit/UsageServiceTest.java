package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Usage per day, user and model from the audit log: admins see the workspace, members themselves. */
@IntegrationTest
class UsageServiceTest {

    @Autowired
    UsageService usage;
    @Autowired
    MutableClock clock;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;

    UUID acme;
    TestUser dana;
    TestUser ana;
    TestUser ben;
    OffsetDateTime now;
    LocalDate today;

    @BeforeEach
    void setUp() {
        AuditSeed seed = new AuditSeed(db);
        now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        today = now.toLocalDate();
        acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
        ben = users.member(acme, "Ben");
        seed.generation(acme, ana.id(), "Ana", "generate", "succeeded", "gpt-image-2", "today", 1_000, now.minusMinutes(1));
        seed.generation(acme, ana.id(), "Ana", "edit", "succeeded", "gpt-image-1.5", "yesterday", 2_000, now.minusDays(1));
        seed.generation(acme, ben.id(), "Ben", "generate", "succeeded", "gpt-image-2", "ten days ago", 5_000, now.minusDays(10));
        seed.generation(acme, ben.id(), "Ben", "generate", "succeeded", "gpt-image-2", "two months ago", 7_000, now.minusDays(60));
        seed.generation(acme, ben.id(), "Ben", "generate", "failed", "gpt-image-2", "failed: no cost, no image", 0, now.minusDays(2));
        seed.generation(acme, ben.id(), "Ben", "generate", "admitted", "gpt-image-2", "admitted: counted once", 0, now.minusDays(2));
        UUID other = users.workspace("Other");
        seed.generation(other, users.admin(other, "Eve").id(), "Eve", "generate", "succeeded", "gpt-image-2", "elsewhere",
                9_000, now.minusMinutes(1));
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void anAdminSeesTheWholeWorkspacePerDayUserAndModel() {
        LoggedIn.as(dana, memberships);

        UsageReport report = usage.report(30);

        assertThat(report.workspaceWide()).isTrue();
        assertThat(report.daily()).hasSize(30);
        assertThat(report.daily().get(0).day()).isEqualTo(today.minusDays(29));
        assertThat(report.daily().get(29)).isEqualTo(new UsageReport.Day(today, 1, 1, 1_000, 0));
        assertThat(report.daily().get(28)).isEqualTo(new UsageReport.Day(today.minusDays(1), 1, 1, 2_000, 0));
        assertThat(report.total()).isEqualTo(new UsageReport.Line("Total", 3, 3, 8_000, 0));
        assertThat(report.perUser()).containsExactly(new UsageReport.Line("Ben", 1, 1, 5_000, 0),
                new UsageReport.Line("Ana", 2, 2, 3_000, 0));
        assertThat(report.perModel()).containsExactly(new UsageReport.Line("gpt-image-2", 2, 2, 6_000, 0),
                new UsageReport.Line("gpt-image-1.5", 1, 1, 2_000, 0));

        assertThat(usage.report(90).total()).isEqualTo(new UsageReport.Line("Total", 4, 4, 15_000, 0));
    }

    @Test
    void anAdminAlsoSeesUsageByTheRolesMembersHold() {
        UUID designers = role("Designers");
        UUID marketing = role("Marketing");
        hold(ana, designers);
        hold(ana, marketing);
        LoggedIn.as(dana, memberships);

        UsageReport report = usage.report(30);

        // Ana (3,000 in two generations) counts under both of her roles; Ben holds none.
        assertThat(report.perRole()).containsExactly(new UsageReport.Line("(no role)", 1, 1, 5_000, 0),
                new UsageReport.Line("Designers", 2, 2, 3_000, 0), new UsageReport.Line("Marketing", 2, 2, 3_000, 0));
        LoggedIn.as(ana, memberships);
        assertThat(usage.report(30).perRole()).isEmpty();
    }

    private UUID role(String name) {
        return db.insertInto(imgen.db.Tables.WORKSPACE_ROLE)
                .set(imgen.db.Tables.WORKSPACE_ROLE.WORKSPACE_ID, acme)
                .set(imgen.db.Tables.WORKSPACE_ROLE.NAME, name)
                .returning(imgen.db.Tables.WORKSPACE_ROLE.ID).fetchOne().getId();
    }

    private void hold(TestUser member, UUID role) {
        db.insertInto(imgen.db.Tables.MEMBER_ROLE)
                .set(imgen.db.Tables.MEMBER_ROLE.WORKSPACE_ID, acme)
                .set(imgen.db.Tables.MEMBER_ROLE.USER_ID, member.id())
                .set(imgen.db.Tables.MEMBER_ROLE.ROLE_ID, role).execute();
    }

    @Test
    void aMemberSeesOnlyTheirOwnUsageAndTheirAllowance() {
        LoggedIn.as(ana, memberships);

        UsageReport report = usage.report(30);

        assertThat(report.workspaceWide()).isFalse();
        assertThat(report.perUser()).isEmpty();
        assertThat(report.total()).isEqualTo(new UsageReport.Line("Total", 2, 2, 3_000, 0));
        assertThat(report.perModel()).extracting(UsageReport.Line::label).containsExactly("gpt-image-1.5", "gpt-image-2");
        // No role rules yet: open access, so no quota and no budget (0 = unlimited); nothing counted for Ana.
        assertThat(report.allowance()).isEqualTo(new UsageReport.Allowance(0, 0, 0, 0, 0, 0));
    }

    @Test
    void onlyThirtyOrNinetyDaysAndOnlyForMembers() {
        LoggedIn.as(ana, memberships);
        assertThatThrownBy(() -> usage.report(365)).isInstanceOf(IllegalArgumentException.class);

        LoggedIn.nobody();
        assertThatThrownBy(() -> usage.report(30)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
