package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Reading the log: admins only, one workspace only, keyset pages, filters, totals and the CSV export. */
@IntegrationTest
class AuditServiceTest {

    static final OffsetDateTime DAY1 = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    AuditService audit;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;

    AuditSeed seed;
    UUID acme;
    TestUser dana;
    TestUser ana;
    TestUser ben;
    List<Long> anaFoxes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        seed = new AuditSeed(db);
        acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
        ben = users.member(acme, "Ben");
        for (int i = 0; i < 5; i++) {
            anaFoxes.add(seed.generation(acme, ana.id(), "Ana", "generate", "succeeded", "gpt-image-2",
                    "a red fox number " + i, 1_000 + i, DAY1.plusHours(i)));
        }
        seed.generation(acme, ana.id(), "Ana", "edit", "succeeded", "gpt-image-1.5", "a red fox at night", 5_000, DAY1.plusDays(1));
        seed.generation(acme, ben.id(), "Ben", "generate", "failed", "gpt-image-2", "a red fox for Ben", 0, DAY1.plusDays(1));
        seed.generation(acme, ben.id(), "Ben", "generate", "succeeded", "gpt-image-2", "a blue whale", 7_000, DAY1.plusDays(2));
        seed.login(acme, ben.id(), "Ben", "failed");
        UUID other = users.workspace("Other");
        seed.generation(other, users.admin(other, "Eve").id(), "Eve", "generate", "succeeded", "gpt-image-2",
                "a red fox elsewhere", 9_999, DAY1);
        LoggedIn.as(dana, memberships);
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void membersAndDemotedAdminsAreRefusedEveryMethod() {
        LoggedIn.as(ana, memberships);
        assertEveryMethodRefused();

        // A session that still claims admin while the database says otherwise: the service believes the database.
        StudioUser stale = new StudioUser(ben.id(), ben.username(), "Ben", null, true, false,
                new ActiveMembership(acme, "Acme", true));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(stale, null, stale.getAuthorities()));
        assertEveryMethodRefused();
    }

    private void assertEveryMethodRefused() {
        AuditFilter all = AuditFilter.none();
        List<Consumer<AuditService>> calls = List.of(s -> s.open(all), s -> s.page(all, null, 0, 10), s -> s.totals(all),
                s -> s.detail(anaFoxes.get(0)), s -> s.exportCsv(all, new ByteArrayOutputStream()), AuditService::filterOptions);
        for (Consumer<AuditService> call : calls) {
            assertThatThrownBy(() -> call.accept(audit)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void pagesAreNewestFirstAndContinueFromTheLastRowsCursor() {
        AuditSnapshot snapshot = audit.open(AuditFilter.none());
        assertThat(snapshot.totals().entries()).isEqualTo(9);

        List<AuditRow> everything = audit.page(snapshot.filter(), null, 0, 100);
        assertThat(everything).hasSize(9).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()) != 0
                ? b.at().compareTo(a.at()) : Long.compare(b.seq(), a.seq()));

        List<AuditRow> first = audit.page(snapshot.filter(), null, 0, 4);
        List<AuditRow> second = audit.page(snapshot.filter(), first.get(3).cursor(), 0, 4);
        List<AuditRow> skipped = audit.page(snapshot.filter(), first.get(1).cursor(), 2, 4);
        assertThat(second).isEqualTo(everything.subList(4, 8));
        assertThat(skipped).isEqualTo(second);
        assertThat(audit.page(snapshot.filter(), null, 8, 4)).containsExactly(everything.get(8));
    }

    @Test
    void aPinnedFilterIgnoresEntriesWrittenAfterItWasOpened() {
        AuditSnapshot snapshot = audit.open(AuditFilter.none());
        seed.generation(acme, ana.id(), "Ana", "generate", "succeeded", "gpt-image-2", "later", 1, null);

        assertThat(audit.totals(snapshot.filter()).entries()).isEqualTo(9);
        assertThat(audit.open(AuditFilter.none()).totals().entries()).isEqualTo(10);
    }

    @Test
    void filtersCombineAndTotalsCountEntriesImagesAndCost() {
        assertThat(seqs(new AuditFilter(null, null, ana.id(), null, null, null, null, null))).hasSize(6);
        assertThat(seqs(new AuditFilter(null, null, ana.id(), AuditAction.GENERATE, "gpt-image-2", null, null, null)))
                .containsExactlyElementsOf(newestFirst(anaFoxes));
        assertThat(seqs(new AuditFilter(null, null, null, AuditAction.EDIT, null, null, null, null))).hasSize(1);
        assertThat(seqs(new AuditFilter(null, null, null, AuditAction.LOGINS, null, null, null, null))).hasSize(1);
        assertThat(seqs(new AuditFilter(null, null, null, null, null, "failed", null, null))).hasSize(2);
        assertThat(seqs(new AuditFilter(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null, null, null, null, null, null)))
                .hasSize(2);
        assertThat(seqs(new AuditFilter(null, null, null, null, null, null, "fox", null))).hasSize(7);
        assertThat(seqs(new AuditFilter(null, null, null, null, null, null, "fox -night \"for Ben\"", null))).hasSize(1);
        assertThat(seqs(new AuditFilter(null, null, null, null, null, null, "whale", null))).hasSize(1);
        assertThat(seqs(new AuditFilter(null, null, null, null, null, null, "' or 1=1 --", null))).isEmpty();

        AuditTotals foxes = audit.totals(new AuditFilter(null, null, ana.id(), null, null, "succeeded", "fox", null));
        assertThat(foxes).isEqualTo(new AuditTotals(6, 6, 1_000 + 1_001 + 1_002 + 1_003 + 1_004 + 5_000, 0));
    }

    @Test
    void anotherWorkspacesEntriesDoNotExist() {
        long eves = db.select(imgen.db.Tables.AUDIT_LOG.SEQ).from(imgen.db.Tables.AUDIT_LOG)
                .where(imgen.db.Tables.AUDIT_LOG.PROMPT.eq("a red fox elsewhere")).orderBy(imgen.db.Tables.AUDIT_LOG.SEQ.desc())
                .limit(1).fetchOne().value1();

        assertThat(audit.detail(eves)).isEmpty();
        assertThat(audit.page(AuditFilter.none(), null, 0, 100)).noneMatch(r -> r.seq() == eves);
        assertThat(audit.detail(anaFoxes.get(0))).get().satisfies(d -> {
            assertThat(d.prompt()).isEqualTo("a red fox number 0");
            assertThat(d.actorName()).isEqualTo("Ana");
            assertThat(d.costMicros()).isEqualTo(1_000);
            assertThat(d.imageIds()).hasSize(1);
        });
        assertThat(audit.filterOptions().users()).extracting(AuditFilterOptions.Person::name)
                .containsExactly("Ana", "Ben", "Dana");
    }

    @Test
    void theCsvExportHoldsExactlyTheFilteredEntriesInOrder() throws Exception {
        seed.generation(acme, ana.id(), "Ana", "generate", "succeeded", "gpt-image-2",
                "=HYPERLINK(\"http://evil\") <img src=x onerror=alert(1)> fox", 42, DAY1.plusDays(3));
        AuditFilter foxesByAna = audit.open(new AuditFilter(null, null, ana.id(), null, "gpt-image-2", null, "fox", null)).filter();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = audit.exportCsv(foxesByAna, out);

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(written).isEqualTo(records.size()).isEqualTo(6);
        assertThat(records).extracting(r -> Long.parseLong(r.get("seq"))).containsExactlyElementsOf(seqs(foxesByAna));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("user")).isEqualTo("Ana");
            assertThat(r.get("model")).isEqualTo("gpt-image-2");
        });
        assertThat(records.get(0).get("prompt")).isEqualTo("'=HYPERLINK(\"http://evil\") <img src=x onerror=alert(1)> fox");
        assertThat(records.get(0).get("cost_usd")).isEqualTo("0.000042");
        assertThat(records.get(5).get("prompt")).isEqualTo("a red fox number 0");
    }

    private static List<Long> newestFirst(List<Long> seqs) {
        List<Long> copy = new ArrayList<>(seqs);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<Long> seqs(AuditFilter filter) {
        return audit.page(filter, null, 0, 100).stream().map(AuditRow::seq).toList();
    }
}
