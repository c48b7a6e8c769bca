package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.GENERATION;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.Money;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationFinished;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.RecordedRequest;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import tools.jackson.databind.ObjectMapper;

/**
 * Every generation outcome leaves exactly the audit row described in issue #6, read back from PostgreSQL. Generations
 * run end to end through the service, the worker and the fake OpenAI (faults for the failures).
 */
class AuditRecordingTest extends LoggedInAsMemberTest {

    @Autowired
    AuditedGenerations audited;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    WebhookNotifier webhooks;
    @Autowired
    UsageService usage;
    @Autowired
    AuditService audit;


    @Test
    void aSucceededGenerationIsRecordedWhenAdmittedAndWhenItSucceeds() throws Exception {
        UUID id = generations.submit(GenerationRequest.of("a red fox in snow", ImageOptions.DEFAULTS
                .withModel("test-image-a").withSize("1536x1024").withQuality("low").withN(2)
                .withBackground(Background.OPAQUE).withOutputFormat(OutputFormat.JPEG).withOutputCompression(80)
                .withModeration(Moderation.LOW)));
        audited.await(id, GenerationStatus.SUCCEEDED);
        GenerationDetails done = generations.find(id).orElseThrow();
        String requestId = db.select(GENERATION.OPENAI_REQUEST_ID).from(GENERATION).where(GENERATION.ID.eq(id)).fetchOne().value1();

        List<AuditLogRecord> rows = rowsOf(id);
        assertThat(rows).hasSize(2);
        AuditLogRecord admitted = rows.get(0);
        AuditLogRecord succeeded = rows.get(1);
        for (AuditLogRecord row : rows) {
            assertThat(row.getWorkspaceId()).isEqualTo(ana.workspaceId());
            assertThat(row.getActorId()).isEqualTo(ana.id());
            assertThat(row.getActorName()).isEqualTo("Ana");
            assertThat(row.getCategory()).isEqualTo("generation");
            assertThat(row.getAction()).isEqualTo("generate");
            assertThat(row.getTargetType()).isEqualTo("generation");
            assertThat(row.getTargetId()).isEqualTo(id);
            assertThat(row.getPrompt()).isEqualTo("a red fox in snow");
            assertThat(row.getModel()).isEqualTo("test-image-a");
            assertThat(row.getSize()).isEqualTo("1536x1024");
            assertThat(row.getQuality()).isEqualTo("low");
            assertThat(row.getN()).isEqualTo(2);
            assertThat(row.getBackground()).isEqualTo("opaque");
            assertThat(row.getOutputFormat()).isEqualTo("jpeg");
            assertThat(row.getModeration()).isEqualTo("low");
            assertThat(row.getReferenceCount()).isZero();
            assertThat(row.getHasMask()).isFalse();
            assertThat(row.getAt()).isNotNull();
        }
        assertThat(admitted.getStatus()).isEqualTo("admitted");
        assertThat(admitted.getOutcome()).isEqualTo("success");
        assertThat(admitted.getCostMicros()).isNull();
        assertThat(admitted.getImageIds()).isEmpty();
        assertThat(details(admitted)).containsEntry("output_compression", 80);

        assertThat(succeeded.getStatus()).isEqualTo("succeeded");
        assertThat(succeeded.getOutcome()).isEqualTo("success");
        assertThat(succeeded.getReason()).isNull();
        assertThat(succeeded.getTextInputTokens()).isEqualTo(done.textInputTokens()).isPositive();
        assertThat(succeeded.getImageOutputTokens()).isEqualTo(done.imageOutputTokens()).isPositive();
        assertThat(succeeded.getImageInputTokens()).isEqualTo(done.imageInputTokens());
        assertThat(succeeded.getCostMicros()).isEqualTo(done.costMicros()).isPositive();
        assertThat(succeeded.getLatencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(succeeded.getOpenaiRequestId()).isEqualTo(requestId).startsWith("req_");
        assertThat(succeeded.getImageIds()).containsExactly(done.images().stream().map(i -> i.id()).toArray(UUID[]::new));
        assertThat(details(succeeded)).containsKeys("upstream_ms", "queue_ms", "attempts");
    }

    @Test
    void aCostAtEstimatedRatesIsMarkedEstimatedWhereverItAppears() throws Exception {
        // gpt-image-2's seeded rates are gpt-image-1.5's, copied: an estimate. Test Image A's count as published.
        UUID estimated = generations.submit(GenerationRequest.of("estimated fox", ImageOptions.DEFAULTS
                .withModel("gpt-image-2").withSize("1024x1024").withQuality("low")));
        UUID published = generations.submit(GenerationRequest.of("published fox", ImageOptions.DEFAULTS
                .withModel("test-image-a").withSize("1024x1024").withQuality("low")));
        audited.await(estimated, GenerationStatus.SUCCEEDED);
        audited.await(published, GenerationStatus.SUCCEEDED);

        GenerationDetails e = generations.find(estimated).orElseThrow();
        assertThat(e.costEstimated()).isTrue();
        assertThat(generations.find(published).orElseThrow().costEstimated()).isFalse();
        assertThat(rowsOf(estimated).get(1).getCostEstimated()).isTrue();
        assertThat(rowsOf(published).get(1).getCostEstimated()).isFalse();
        assertThat(webhooks.message((GenerationFinished) audited.event(estimated, GenerationStatus.SUCCEEDED)).plainText()).contains("Cost: ≈ " + Money.format(e.costMicros()) + " (estimated)");

        UsageReport usageReport = usage.report(30);
        assertThat(usageReport.total().estimatedCostMicros()).isEqualTo(e.costMicros());
        assertThat(usageReport.perModel()).filteredOn(l -> l.label().equals("test-image-a")).singleElement()
                .satisfies(l -> assertThat(l.estimatedCostMicros()).isZero());

        LoggedIn.as(users.admin(ana.workspaceId(), "Dana"), memberships);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        audit.exportCsv(AuditFilter.none(), csv);
        List<String> lines = csv.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        int basis = List.of(lines.get(0).split(",")).indexOf("cost_basis");
        assertThat(basis).isNotNegative();
        assertThat(lines).filteredOn(l -> l.contains("estimated fox") && l.contains("succeeded")).singleElement()
                .satisfies(l -> assertThat(l.split(",")[basis]).isEqualTo("estimated"));
        assertThat(lines).filteredOn(l -> l.contains("published fox") && l.contains("succeeded")).singleElement()
                .satisfies(l -> assertThat(l.split(",")[basis]).isEqualTo("published"));
        assertThat(audit.totals(AuditFilter.none()).estimatedCostMicros()).isEqualTo(e.costMicros());
    }

    @Test
    void anEditIsRecordedAsAnEditWithItsReferenceCount() throws Exception {
        UUID id = generations.submit(GenerationRequest.of("make it night")
                .withReferences(List.of(new GenerationRequest.Upload("day.png", TestImages.png(64, 64, 0x3366ff)))));
        audited.await(id, GenerationStatus.SUCCEEDED);

        assertThat(rowsOf(id)).extracting(AuditLogRecord::getAction, AuditLogRecord::getStatus, AuditLogRecord::getReferenceCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edit", "admitted", 1),
                        org.assertj.core.groups.Tuple.tuple("edit", "succeeded", 1));
    }

    @Test
    void aFailureIsRecordedWithItsTypedReasonTheMembersMessageAndTheRawDetailForAdmins() throws Exception {
        fake.enqueueFault(Fault.moderationBlocked());
        UUID id = generations.submit(request("something violent"));
        audited.await(id, GenerationStatus.FAILED);

        List<AuditLogRecord> rows = rowsOf(id);
        assertThat(rows).extracting(AuditLogRecord::getStatus).containsExactly("admitted", "failed");
        AuditLogRecord failed = rows.get(1);
        assertThat(failed.getOutcome()).isEqualTo("failure");
        assertThat(failed.getReason()).isEqualTo("moderation_blocked");
        assertThat(failed.getImageIds()).isEmpty();
        assertThat(failed.getCostMicros()).isNull();
        assertThat(details(failed)).containsEntry("error_message", "Request rejected by the safety system.")
                .hasEntrySatisfying("error_detail", detail -> assertThat(detail.toString()).isNotBlank());

        for (int i = 0; i < 3; i++) {
            fake.enqueueFault(Fault.serverError(500));
        }
        UUID broken = generations.submit(request("a dog"));
        audited.await(broken, GenerationStatus.FAILED);
        assertThat(rowsOf(broken).get(1).getReason()).isEqualTo("upstream_error");
    }

    @Test
    void aCancelledGenerationIsRecordedAsCancelled() throws Exception {
        fake.setLatency(Duration.ofSeconds(2));
        UUID id = generations.submit(request("slow"));
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
        assertThat(generations.cancel(id)).isTrue();
        audited.await(id, GenerationStatus.CANCELLED);

        assertThat(rowsOf(id)).extracting(AuditLogRecord::getStatus, AuditLogRecord::getOutcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admitted", "success"),
                        org.assertj.core.groups.Tuple.tuple("cancelled", "cancelled"));
    }

    @Test
    void anInterruptedGenerationIsRecordedAsAFailureWithItsReason() throws Exception {
        // Recovery itself is the generate module's (GenerationRepositoryTest); here: the row it leaves and the event it sends.
        UUID id = db.insertInto(GENERATION)
                .set(GENERATION.WORKSPACE_ID, ana.workspaceId()).set(GENERATION.USER_ID, ana.id())
                .set(GENERATION.SUBMISSION_ID, UUID.randomUUID()).set(GENERATION.KIND, "generate")
                .set(GENERATION.STATUS, "interrupted").set(GENERATION.PROMPT, "lost in a restart")
                .set(GENERATION.MODEL, "gpt-image-2").set(GENERATION.SIZE, "auto").set(GENERATION.QUALITY, "auto")
                .set(GENERATION.N, 1).set(GENERATION.BACKGROUND, "auto").set(GENERATION.OUTPUT_FORMAT, "png")
                .set(GENERATION.ERROR_CODE, "interrupted").set(GENERATION.ERROR_MESSAGE, "The app restarted")
                .set(GENERATION.REQUEST_SENT_AT, OffsetDateTime.now(clock).minusMinutes(3))
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .returning(GENERATION.ID).fetchOne(GENERATION.ID);

        events.publishEvent(new GenerationFinished(id, ana.workspaceId(), ana.id(), GenerationStatus.INTERRUPTED,
                new RecordedRequest(UUID.randomUUID(), "generate", "lost in a restart", ImageOptions.DEFAULTS
                        .withModel("gpt-image-2").withSize("auto").withQuality("auto").withN(1)
                        .withBackground(Background.AUTO).withOutputFormat(OutputFormat.PNG),
                        0, false, null, clock.instant().minusSeconds(240)),
                new GenerationFinished.Outcome("interrupted", "The app restarted", null, null, null, null, null, null,
                        null, false, null, null, null, null, 1, clock.instant().minusSeconds(200),
                        clock.instant().minusSeconds(180), clock.instant()),
                List.of()));

        AuditLogRecord row = rowsOf(id).get(0);
        assertThat(rowsOf(id)).hasSize(1);
        assertThat(row.getStatus()).isEqualTo("interrupted");
        assertThat(row.getOutcome()).isEqualTo("failure");
        assertThat(row.getReason()).isEqualTo("interrupted");
        assertThat(row.getPrompt()).isEqualTo("lost in a restart");
    }

    @Test
    void eachDenialIsRecordedOnceWithWhatWasAskedAndTheSentenceTheMemberSaw() {
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("x", ImageOptions.DEFAULTS
                .withModel("dall-e-3").withSize("huge").withQuality("ultra").withN(3))))
                .isInstanceOf(UserInputException.class);

        TestUser ben = users.member(users.workspace("NoKey"), "Ben");
        LoggedIn.as(ben, memberships);
        assertThatThrownBy(() -> generations.submit(request("no key here"))).isInstanceOf(UserInputException.class);

        AuditLogRecord invalid = rowsOfUser(ana).get(0);
        assertThat(rowsOfUser(ana)).hasSize(1);
        assertThat(invalid.getStatus()).isEqualTo("denied");
        assertThat(invalid.getOutcome()).isEqualTo("denied");
        assertThat(invalid.getCategory()).isEqualTo("generation");
        assertThat(invalid.getAction()).isEqualTo("generate");
        assertThat(invalid.getReason()).isEqualTo("Invalid model selection.");
        assertThat(invalid.getModel()).isEqualTo("dall-e-3");
        assertThat(invalid.getSize()).isEqualTo("huge");
        assertThat(invalid.getQuality()).isEqualTo("ultra");
        assertThat(invalid.getN()).isEqualTo(3);
        assertThat(invalid.getGenerationId()).isNull();
        assertThat(invalid.getWorkspaceId()).isEqualTo(ana.workspaceId());

        AuditLogRecord noKey = rowsOfUser(ben).get(0);
        assertThat(rowsOfUser(ben)).hasSize(1);
        assertThat(noKey.getReason()).isEqualTo(GenerationService.NO_KEY);
        assertThat(noKey.getPrompt()).isEqualTo("no key here");
        assertThat(noKey.getActorName()).isEqualTo("Ben");
    }

    @Test
    void admissionsAndDenialsCarryTheClientAddressOfTheRequestOrElseOfTheSession() throws Exception {
        var auth = (org.springframework.security.authentication.UsernamePasswordAuthenticationToken)
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        auth.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails("203.0.113.7", null));
        // The test framework binds a mock HTTP request from 127.0.0.1 to this thread: its address wins.
        UUID overHttp = generations.submit(request("over plain HTTP"));
        audited.await(overHttp, GenerationStatus.SUCCEEDED);

        // Vaadin's push channel has no HTTP request per message: the address the session logged in from is used.
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        UUID overPush = generations.submit(request("over the push channel"));
        assertThatThrownBy(() -> generations.submit(request(" "))).isInstanceOf(UserInputException.class);
        audited.await(overPush, GenerationStatus.SUCCEEDED);

        assertThat(rowsOf(overHttp)).extracting(AuditLogRecord::getStatus, AuditLogRecord::getClientIp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admitted", "127.0.0.1"),
                        org.assertj.core.groups.Tuple.tuple("succeeded", null));
        assertThat(rowsOf(overPush)).extracting(AuditLogRecord::getClientIp).containsExactly("203.0.113.7", null);
        assertThat(rowsOfUser(ana)).filteredOn(r -> "denied".equals(r.getStatus()))
                .extracting(AuditLogRecord::getClientIp).containsExactly("203.0.113.7");
    }

    private GenerationRequest request(String prompt) {
        return GenerationRequest.of(prompt);
    }

    private List<AuditLogRecord> rowsOf(UUID generationId) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.GENERATION_ID.eq(generationId)).orderBy(AUDIT_LOG.SEQ).fetch();
    }

    private List<AuditLogRecord> rowsOfUser(TestUser user) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTOR_ID.eq(user.id())).orderBy(AUDIT_LOG.SEQ).fetch();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(AuditLogRecord row) throws Exception {
        return json.readValue(row.getDetails().data(), Map.class);
    }
}
