package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import studio.imgen.admin.DefaultsChange;
import studio.imgen.api.ApiTokenService;
import studio.imgen.admin.EditThreadDefaults;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.ImageOptions;
import studio.imgen.workspace.MemberService;
import studio.imgen.workspace.NewMember;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.audit.AuditFilter;
import studio.imgen.audit.AuditService;
import studio.imgen.audit.UsageService;
import studio.imgen.audit.WebhookService;
import studio.imgen.base.UserInputException;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryService;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ResultDeletion;
import studio.imgen.generate.ResultImages;
import studio.imgen.admin.WorkspaceDirectoryService;
import studio.imgen.security.MatrixWorld.Caller;
import studio.imgen.security.MatrixWorld.Target;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.Canaries;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.RawHttp;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.workspace.WorkspaceService;

/**
 * The two-workspace authorization matrix (security-reliability.md §6 rows 1–3, 6; issue 8). Every image URL and every
 * public method of the services below, called as each {@link Caller}, against workspace A's objects. Expected result
 * per caller, in {@link Caller} order (anonymous, outsider, outside admin, member, owner, admin):
 * <ul>
 * <li>{@code O} allowed (an Optional answer is present, a boolean true);</li>
 * <li>{@code L} allowed in the caller's own workspace, and nothing of A in the answer;</li>
 * <li>{@code N} not found: exactly what an id that exists nowhere gets (same value, same exception and message; over
 *     HTTP the same status, body and headers), so another workspace's id reveals nothing;</li>
 * <li>{@code R} refused with a message for the user (e.g. deleting a colleague's image);</li>
 * <li>{@code D} denied by method security.</li>
 * </ul>
 * Whatever is not {@code O} must leave every row of workspace A unchanged. A new service method, controller mapping or
 * Vaadin download handler without a row fails the coverage tests; other modules add theirs with one line each.
 */
class AuthorizationMatrixTest extends ServerTest {

    /** Every public method of these needs a row in {@link #rows()}. */
    static final List<Class<?>> SERVICES = List.of(GenerationService.class, GalleryService.class, ResultImages.class,
            AuditService.class,
            UsageService.class, WorkspaceSettingsService.class, MemberService.class, RoleAccessService.class,
            WebhookService.class, WorkspaceService.class, ApiTokenService.class, WorkspaceDirectoryService.class);

    /** Every MVC mapping of ours, with the path to request and the expected answer per caller. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/img/{id}", "/img/{id}", "NNNOOO"),
            new Endpoint("/img/{id}/thumb", "/img/{id}/thumb", "NNNOOO"),
            new Endpoint("/img/{id}/download", "/img/{id}/download", "NNNOOO"),
            new Endpoint("/img", "/img", "NNNNNN"),
            new Endpoint("/img/", "/img/", "NNNNNN"),
            new Endpoint("/img/**", "/img/{id}/x", "NNNNNN"));

    /**
     * The images API (issue 16), per credential: nobody gets in without a token, a browser session is never accepted,
     * and a token reaches only its own workspace (the API takes no ids of stored objects, so scoping is by the token).
     * Status per credential: none, the caller's session cookie, the caller's token (anonymous has neither).
     */
    static final List<ApiEndpoint> API_ENDPOINTS = List.of(
            new ApiEndpoint("/v1/images/generations", "POST", "/v1/images/generations", "application/json", "{}", 400),
            new ApiEndpoint("/v1/images/edits", "POST", "/v1/images/edits", "application/json", "{}", 415),
            new ApiEndpoint("/v1/models", "GET", "/v1/models", null, null, 200),
            new ApiEndpoint("/v1/**", "GET", "/v1/images/generations", null, null, 404),
            new ApiEndpoint("/v1/**", "DELETE", "/v1/models", null, null, 404));

    /** Vaadin download handlers (source file → the service row that guards it when the request arrives). */
    static final Map<String, String> DOWNLOAD_HANDLERS = Map.of("AuditView.java", "AuditService.exportCsv");

    private static final String ANY_MEMBER_BY_ID = "DNNOOO";
    private static final String ANY_MEMBER = "DLLOOO";
    private static final String ADMIN = "DDLDDO";
    private static final String ADMIN_BY_ID = "DDNDDO";
    private static final String NOBODY = "DDDDDD";

    @Autowired
    GenerationService generations;
    @Autowired
    GalleryService gallery;
    @Autowired
    ResultImages images;
    @Autowired
    AuditService audit;
    @Autowired
    UsageService usage;
    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    MemberService members;
    @Autowired
    RoleAccessService roles;
    @Autowired
    WebhookService webhooks;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    WorkspaceDirectoryService directory;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static MatrixWorld.People people;
    private static MatrixWorld shared;

    record Endpoint(String pattern, String path, String expected) {
    }

    /** An API route: {@code withToken} is the status a caller's own token gets. */
    record ApiEndpoint(String pattern, String method, String path, String contentType, String body, int withToken) {
    }

    @FunctionalInterface
    interface Call {
        Object on(Target target) throws Exception;
    }

    /** One service call; {@code changes}: it may write, so every cell gets a world of its own. */
    record Row(String name, boolean changes, Call call, String expected) {

        String method() {
            int space = name.indexOf(' ');
            return space < 0 ? name : name.substring(0, space);
        }
    }

    List<Row> rows() {
        MatrixWorld.People p = people();
        return List.of(
                read("GenerationService.form", t -> generations.form(null), ANY_MEMBER),
                read("GenerationService.blockedNow",
                        t -> generations.blockedNow().map(b -> "blocked: " + b.message()).orElse("free"), ANY_MEMBER),
                read("GenerationService.modelGone",
                        t -> generations.modelGone("test-image-a").map(g -> g.message()).orElse("offered"), ANY_MEMBER),
                change("GenerationService.submit (edit from an image)", t -> editFrom(t.image()), ANY_MEMBER_BY_ID),
                change("GenerationService.cancel", t -> generations.cancel(t.queuedGeneration()), "DNNNON"),
                read("GenerationService.find", t -> generations.find(t.generation()), ANY_MEMBER_BY_ID),
                read("GenerationService.findByImage", t -> generations.findByImage(t.image()), ANY_MEMBER_BY_ID),
                // The world's image was not just made here, so everyone gets nothing; the owner's fresh case is
                // GenerationServiceTest.aFreshResultsThumbnailIsInMemoryForItsOwnerOnlyAndForAMinute.
                read("GenerationService.freshThumbnail", t -> generations.freshThumbnail(t.image()), "DNNNNN"),
                read("GenerationService.recent", t -> generations.recent(20), ANY_MEMBER),
                read("GenerationService.watch", t -> generations.watch(t.generation(), event -> { }), ANY_MEMBER_BY_ID),
                read("GenerationService.checkMask", t -> generations.checkMask(t.image(), maskFor(t.image())).paintedPercent(),
                        ANY_MEMBER_BY_ID),

                read("GalleryService.page", t -> gallery.page(GalleryFilter.ALL, null, 50), ANY_MEMBER),
                read("GalleryService.cursorAt", t -> gallery.cursorAt(GalleryFilter.ALL, 1), ANY_MEMBER),
                read("GalleryService.count", t -> gallery.count(GalleryFilter.ALL), ANY_MEMBER),
                read("GalleryService.filterOptions", t -> gallery.filterOptions(), ANY_MEMBER),
                read("GalleryService.details", t -> gallery.details(t.image()), ANY_MEMBER_BY_ID),
                change("GalleryService.delete", t -> done(() -> gallery.delete(t.image())), "DNNROO"),
                read("ResultImages.find", t -> images.find(t.image()), ANY_MEMBER_BY_ID),
                read("ResultImages.file", t -> images.file(t.image()), ANY_MEMBER_BY_ID),
                read("ResultImages.expiredAmong", t -> images.expiredAmong(List.of(t.image())), ANY_MEMBER),
                change("ResultImages.softDelete", t -> switch (images.softDelete(t.image())) {
                    case ResultDeletion.Deleted deleted -> true;
                    // A refusal as the views show it, so the matrix tells "not found" from "not yours".
                    case ResultDeletion.Refused refused -> throw new UserInputException(refused.name());
                }, "DNNROO"),

                read("AuditService.open", t -> audit.open(AuditFilter.none()), ADMIN),
                read("AuditService.page", t -> audit.page(AuditFilter.none(), null, 0, 100), ADMIN),
                read("AuditService.totals", t -> audit.totals(AuditFilter.none()), ADMIN),
                read("AuditService.detail", t -> audit.detail(t.auditSeq()), ADMIN_BY_ID),
                read("AuditService.exportCsv", t -> csv(), ADMIN),
                read("AuditService.filterOptions", t -> audit.filterOptions(), ADMIN),
                read("UsageService.report", t -> usage.report(30), ANY_MEMBER),

                read("WorkspaceSettingsService.overview", t -> settings.overview(), ADMIN),
                read("WorkspaceSettingsService.defaultsForm", t -> settings.defaultsForm(), ADMIN),
                change("WorkspaceSettingsService.setApiKey", t -> settings.setApiKey("sk-matrix-0123456789abcdefghij"), ADMIN),
                change("WorkspaceSettingsService.clearApiKey", t -> settings.clearApiKey(), ADMIN),
                change("WorkspaceSettingsService.testApiKey", t -> settings.testApiKey(), ADMIN),
                change("WorkspaceSettingsService.updateDefaults",
                        t -> settings.updateDefaults(new DefaultsChange(null, "1024x1024", null, null, null),
                                settings.defaultsForm().version()), ADMIN),
                change("WorkspaceSettingsService.updateThreadDefaults", t -> settings.updateThreadDefaults(
                        EditThreadDefaults.Mode.DIRECT_EDIT, "gpt-5.4", settings.defaultsForm().version()), ADMIN),
                change("WorkspaceSettingsService.applyReplacement",
                        t -> settings.applyReplacement("gpt-image-1.5"), ADMIN),
                change("WorkspaceSettingsService.setAdminExemptFromCooldown",
                        t -> settings.setAdminExemptFromCooldown(false, settings.defaultsForm().version()), ADMIN),

                read("MemberService.members", t -> members.members(), ADMIN),
                read("MemberService.assignableRoles", t -> members.assignableRoles(), ADMIN),
                change("MemberService.createMember", t -> members.createMember(
                        new NewMember(TestUsers.unique("mallory"), "Mallory", "a fine password 1", false)), ADMIN),
                change("MemberService.addExistingUser", t -> members.addExistingUser(p.sam().username(), false), ADMIN),
                change("MemberService.resetPassword", t -> members.resetPassword(t.member(), "a fine password 1"), ADMIN_BY_ID),
                change("MemberService.setActive", t -> members.setActive(t.member(), false), ADMIN_BY_ID),
                change("MemberService.setAdmin", t -> members.setAdmin(t.member(), true), ADMIN_BY_ID),
                change("MemberService.assignRoles", t -> members.assignRoles(t.member(), Set.of(t.role())), ADMIN_BY_ID),

                read("RoleAccessService.roles", t -> roles.roles(), ADMIN),
                read("RoleAccessService.accessSummary", t -> roles.accessSummary(), ADMIN),
                read("RoleAccessService.ruleOptions", t -> roles.ruleOptions(), ADMIN),
                change("RoleAccessService.createRole", t -> roles.createRole("Shadow", null), ADMIN),
                change("RoleAccessService.updateRole", t -> roles.updateRole(t.role(), "Owned", null), ADMIN_BY_ID),
                change("RoleAccessService.deleteRole", t -> roles.deleteRole(t.role()), ADMIN_BY_ID),
                change("RoleAccessService.saveRule", t -> roles.saveRule(
                        new RuleDraft(t.role(), null, "3600", Set.of(), Set.of(), Set.of(), null, null, null)), ADMIN_BY_ID),
                read("RoleAccessService.ruleWouldLockMeOut", t -> roles.ruleWouldLockMeOut(
                        new RuleDraft(t.role(), null, "3600", Set.of(), Set.of(), Set.of(), null, null, null)), ADMIN_BY_ID),
                change("RoleAccessService.saveRuleAndTakeRole", t -> roles.saveRuleAndTakeRole(
                        new RuleDraft(t.role(), null, "3600", Set.of(), Set.of(), Set.of(), null, null, null)), ADMIN_BY_ID),
                change("RoleAccessService.removeRule", t -> roles.removeRule(t.role()), ADMIN_BY_ID),
                change("RoleAccessService.clearRules", t -> roles.clearRules(), ADMIN),

                read("WebhookService.settings", t -> webhooks.settings(), ADMIN),
                change("WebhookService.set", t -> webhooks.set("http://127.0.0.1:9/elsewhere"), ADMIN),
                change("WebhookService.clear", t -> webhooks.clear(), ADMIN),
                change("WebhookService.test", t -> webhooks.test(), ADMIN),

                change("ApiTokenService.create", t -> apiTokens.create("matrix", 30).token().name(), ANY_MEMBER),
                read("ApiTokenService.mine", t -> apiTokens.mine(), ANY_MEMBER),
                change("ApiTokenService.revoke", t -> apiTokens.revoke(tokenIn(t)), "DNNNON"),
                read("ApiTokenService.workspaceTokens", t -> apiTokens.workspaceTokens(), ADMIN),
                change("ApiTokenService.revokeAsAdmin", t -> apiTokens.revokeAsAdmin(tokenIn(t)), ADMIN_BY_ID),

                read("WorkspaceService.myWorkspaces", t -> workspaces.myWorkspaces(), ANY_MEMBER),
                read("WorkspaceService.switchTo", t -> workspaces.switchTo(t.workspace()), ANY_MEMBER_BY_ID),
                read("WorkspaceService.leaveClosedWorkspace",
                        t -> workspaces.leaveClosedWorkspace().isPresent() ? "moved" : "stays", ANY_MEMBER),

                // Instance admins only: nobody of the matrix is one.
                read("WorkspaceDirectoryService.all", t -> directory.all(), NOBODY),
                change("WorkspaceDirectoryService.create", t -> directory.create("Matrix " + UUID.randomUUID(), null), NOBODY),
                change("WorkspaceDirectoryService.rename", t -> directory.rename(t.workspace(), "Renamed " + UUID.randomUUID()),
                        NOBODY),
                change("WorkspaceDirectoryService.archive", t -> directory.archive(t.workspace()), NOBODY),
                change("WorkspaceDirectoryService.restore", t -> directory.restore(t.workspace()), NOBODY),
                change("WorkspaceDirectoryService.inviteAdmin", t -> directory.inviteAdmin(t.workspace()), NOBODY));
    }

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @TestFactory
    Stream<DynamicTest> everyServiceMethodAsEveryCaller() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.name() + " " + row.expected(), () -> {
            SoftAssertions softly = new SoftAssertions();
            for (Caller caller : Caller.values()) {
                char expected = row.expected().charAt(caller.ordinal());
                MatrixWorld world = row.changes() ? newWorld(row) : shared();
                try {
                    checkCell(softly, row, caller, expected, world);
                } finally {
                    LoggedIn.nobody();
                    world.discardQueuedJob(db);
                }
            }
            softly.assertAll();
        }));
    }

    private void checkCell(SoftAssertions softly, Row row, Caller caller, char expected, MatrixWorld world) {
        String cell = row.name() + " as " + caller + " (expected " + expected + ")";
        String before = world.fingerprint(db);
        world.logIn(caller, memberships);
        Outcome outcome = run(row, world.target);
        switch (expected) {
            case 'D' -> softly.assertThat(outcome.thrown()).as(cell + ": " + outcome)
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
            case 'N' -> {
                Outcome random = run(row, Target.random());
                softly.assertThat(outcome.text()).as(cell + ": like an id that exists nowhere").isEqualTo(random.text());
                if (outcome.thrown() != null) {
                    softly.assertThat(outcome.thrown()).as(cell + ": a clean refusal")
                            .isInstanceOfAny(UserInputException.class, AccessDeniedException.class);
                }
            }
            case 'L' -> softly.assertThat(outcome.thrown()).as(cell + ": " + outcome).isNull();
            case 'R' -> softly.assertThat(outcome.thrown()).as(cell + ": " + outcome).isInstanceOf(UserInputException.class);
            case 'O' -> {
                softly.assertThat(outcome.thrown()).as(cell + ": " + outcome).isNull();
                softly.assertThat(outcome.text()).as(cell).doesNotStartWith("Optional.empty").isNotEqualTo("false");
            }
            default -> throw new IllegalArgumentException("unknown expectation " + expected);
        }
        if (caller == Caller.ANONYMOUS || caller == Caller.OUTSIDER || caller == Caller.OUTSIDE_ADMIN) {
            for (String marker : world.markers()) {
                softly.assertThat(outcome.text()).as(cell + " leaks " + marker).doesNotContain(marker);
            }
        }
        if (expected != 'O') {
            LoggedIn.nobody();
            softly.assertThat(world.fingerprint(db)).as(cell + ": workspace A unchanged").isEqualTo(before);
        }
    }

    /** What a call did, as comparable text: the value it returned, or the exception type and message. */
    record Outcome(Throwable thrown, String text) {
    }

    private Outcome run(Row row, Target target) {
        try {
            return new Outcome(null, describe(row.call().on(target)));
        } catch (Exception | AssertionError e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            return new Outcome(cause, cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    /** Resolves what a call hands back for later (a future, an unsubscribe action) so its content can be compared. */
    private static String describe(Object value) {
        if (value instanceof CompletableFuture<?> future) {
            return describe(future.join());
        }
        if (value instanceof Runnable unsubscribe) {
            unsubscribe.run();
            return "subscribed";
        }
        return String.valueOf(value);
    }

    @Test
    void everyPublicServiceMethodHasARowAndAnAccessAnnotation() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
                    declared.add(service.getSimpleName() + "." + method.getName());
                    assertThat(method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(RolesAllowed.class))
                            .as(method + " carries @PermitAll or @RolesAllowed").isTrue();
                }
            }
        }
        Set<String> covered = rows().stream().map(Row::method).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(declared);
        assertThat(rows()).allSatisfy(row -> assertThat(row.expected()).matches("[DNLRO]{" + Caller.values().length + "}"));
    }

    @Test
    void everyControllerMappingHasARow() {
        Set<String> registered = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("studio.imgen"))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = ENDPOINTS.stream().map(Endpoint::pattern).collect(Collectors.toCollection(TreeSet::new));
        API_ENDPOINTS.forEach(endpoint -> covered.add(endpoint.pattern()));
        assertThat(registered).isEqualTo(covered);
    }

    @Test
    void everyVaadinDownloadHandlerIsGuardedByAServiceRow() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                boolean serves = Files.readAllLines(file).stream().filter(line -> !line.startsWith("import "))
                        .anyMatch(line -> line.contains("DownloadHandler") || line.contains("StreamResource"));
                if (serves) {
                    found.add(file.getFileName().toString());
                }
            }
        }
        assertThat(found).isEqualTo(new TreeSet<>(DOWNLOAD_HANDLERS.keySet()));
        Set<String> rowNames = rows().stream().map(Row::method).collect(Collectors.toSet());
        assertThat(rowNames).containsAll(DOWNLOAD_HANDLERS.values());
    }

    @TestFactory
    Stream<DynamicTest> everyImageUrlAsEveryCaller() throws Exception {
        MatrixWorld world = shared();
        Map<Caller, String> cookies = logInOverHttp(world);
        return ENDPOINTS.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.path() + " " + endpoint.expected(), () -> {
            SoftAssertions softly = new SoftAssertions();
            for (Caller caller : Caller.values()) {
                char expected = endpoint.expected().charAt(caller.ordinal());
                String cell = endpoint.path() + " as " + caller;
                RawHttp.Response real = get(endpoint.path().replace("{id}", world.target.image().toString()), cookies.get(caller));
                softly.assertThat(real.status()).as(cell).isLessThan(500);
                softly.assertThat(real.header("Location")).as(cell).isEmpty();
                softly.assertThat(real.setsSessionCookie()).as(cell).isFalse();
                if (expected == 'O') {
                    softly.assertThat(real.status()).as(cell).isEqualTo(200);
                    softly.assertThat(real.header("Content-Type")).as(cell).singleElement().asString().startsWith("image/");
                    softly.assertThat(real.header("Cache-Control")).as(cell).singleElement().asString().contains("private");
                    softly.assertThat(real.header("Content-Security-Policy")).as(cell).containsExactly("default-src 'none'; sandbox");
                    softly.assertThat(real.header("X-Content-Type-Options")).as(cell).containsExactly("nosniff");
                } else {
                    RawHttp.Response random = get(endpoint.path().replace("{id}", UUID.randomUUID().toString()), cookies.get(caller));
                    softly.assertThat(real.status()).as(cell).isEqualTo(404);
                    softly.assertThat(real.body()).as(cell).isEqualTo(random.body());
                    softly.assertThat(withoutDate(real)).as(cell + ": headers like an id that exists nowhere")
                            .isEqualTo(withoutDate(random));
                }
            }
            softly.assertAll();
        }));
    }

    /**
     * Path tricks aimed at an image the caller may not see, as every caller (§6 row 3, CVE-2023-34035 class): never its
     * bytes, never a server error.
     */
    @TestFactory
    Stream<DynamicTest> pathTricksNeverReachAnotherWorkspacesImage() throws Exception {
        MatrixWorld world = shared();
        Map<Caller, String> cookies = logInOverHttp(world);
        List<String> tricks = List.of("/img/{own}/../{foreign}", "/img/{own}/..%2f{foreign}", "/img/{own}/%2e%2e/{foreign}",
                "/img/%2e%2e/img/{foreign}", "/img/{own}/%252e%252e/{foreign}", "/img/{own}/..;/{foreign}",
                "/img/{foreign};jsessionid=x", "/img/{foreign}/thumb;jsessionid=x", "/img//{foreign}", "//img/{foreign}",
                "/img/{foreign}.", "/img/{foreign}/thumb.", "/img/{foreign}/download..", "/img/{foreign}/.",
                "/img/./{foreign}", "/IMG/{foreign}", "/Img/{foreign}/thumb", "/img/{FOREIGN}", "/img/{foreign}/",
                "/img/{foreign}%20", "/img/{own}\\..\\{foreign}", "/VAADIN/../img/{foreign}", "/VAADIN/..%2fimg/{foreign}",
                "/img/{foreign}%00", "/img/{foreign}/thumb%2f..%2fdownload");
        return Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(caller.toString(), () -> {
            boolean insider = caller == Caller.MEMBER || caller == Caller.OWNER || caller == Caller.ADMIN;
            UUID foreign = insider ? world.bImage : world.target.image();
            UUID own = insider ? world.target.image() : caller == Caller.ANONYMOUS ? UUID.randomUUID() : world.bImage;
            SoftAssertions softly = new SoftAssertions();
            for (String trick : tricks) {
                String path = trick.replace("{own}", own.toString()).replace("{FOREIGN}", foreign.toString().toUpperCase(Locale.ROOT))
                        .replace("{foreign}", foreign.toString());
                RawHttp.Response response = get(path, cookies.get(caller));
                softly.assertThat(response.status()).as(path + " as " + caller).isLessThan(500);
                softly.assertThat(response.header("Content-Type")).as(path + " as " + caller).noneMatch(t -> t.startsWith("image/"));
                softly.assertThat(response.body()).as(path + " as " + caller).doesNotContain("PNG").doesNotContain("JFIF");
            }
            softly.assertAll();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyApiRouteAsEveryCaller() throws Exception {
        MatrixWorld world = shared();
        Map<Caller, String> cookies = logInOverHttp(world);
        Map<Caller, String> bearer = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.ANONYMOUS) {
                world.logIn(caller, memberships);
                bearer.put(caller, Canaries.register(apiTokens.create(TestUsers.unique("matrix"), 30).secret()));
                LoggedIn.nobody();
            }
        }
        return API_ENDPOINTS.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path(), () -> {
            SoftAssertions softly = new SoftAssertions();
            String nobody = null;
            for (Caller caller : Caller.values()) {
                String cell = endpoint.method() + " " + endpoint.path() + " as " + caller;
                ApiCall none = api(endpoint, null);
                ApiCall session = cookies.get(caller) == null ? none
                        : api(endpoint, cookies.get(caller).substring("Cookie: ".length()), null);
                for (ApiCall refused : List.of(none, session)) {
                    softly.assertThat(refused.status()).as(cell + " without a token").isEqualTo(401);
                    softly.assertThat(refused.body()).as(cell + " without a token").contains("\"invalid_api_key\"");
                    nobody = nobody == null ? refused.body() : nobody;
                    softly.assertThat(refused.body()).as(cell + ": every refusal alike").isEqualTo(nobody);
                }
                if (caller != Caller.ANONYMOUS) {
                    ApiCall call = api(endpoint, null, bearer.get(caller));
                    softly.assertThat(call.status()).as(cell + " with the caller's token").isEqualTo(endpoint.withToken());
                    softly.assertThat(call.contentType()).as(cell).startsWith("application/json");
                    ApiCall forged = api(endpoint, null, forged(bearer.get(caller)));
                    softly.assertThat(forged.status()).as(cell + " with a forged token").isEqualTo(401);
                    if (caller == Caller.OUTSIDER || caller == Caller.OUTSIDE_ADMIN) {
                        for (String marker : world.markers()) {
                            softly.assertThat(call.body()).as(cell + " leaks " + marker).doesNotContain(marker);
                        }
                    }
                    for (ApiCall any : List.of(none, session, call, forged)) {
                        softly.assertThat(any.setsCookie()).as(cell + ": never a session").isFalse();
                        softly.assertThat(any.location()).as(cell + ": never a redirect").isEmpty();
                    }
                }
            }
            softly.assertAll();
        }));
    }

    /** What the API answered: status, body and the headers that matter here. */
    record ApiCall(int status, String body, String contentType, boolean setsCookie, Optional<String> location) {
    }

    private ApiCall api(ApiEndpoint endpoint, String cookie, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(endpoint.path())));
        request.method(endpoint.method(), endpoint.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(endpoint.body()));
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ApiCall(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Set-Cookie").isPresent(),
                    response.headers().firstValue("Location"));
        }
    }

    private ApiCall api(ApiEndpoint endpoint, String token) throws Exception {
        return api(endpoint, null, token);
    }

    /** The token with its last character changed: well-formed, but no token. */
    private static String forged(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** Ana's token in workspace A of a matrix world; for an id that exists nowhere, a random one. */
    private UUID tokenIn(Target target) {
        return TOKENS.getOrDefault(target.workspace(), target.member());
    }

    private Map<Caller, String> logInOverHttp(MatrixWorld world) throws Exception {
        Map<Caller, String> cookies = new EnumMap<>(Caller.class);
        cookies.put(Caller.ANONYMOUS, null);
        for (Caller caller : List.of(Caller.OUTSIDER, Caller.OUTSIDE_ADMIN, Caller.MEMBER, Caller.OWNER, Caller.ADMIN)) {
            TestUsers.TestUser user = world.user(caller);
            accounts.rememberWorkspace(user.id(), user.workspaceId());
            FormLogin browser = new FormLogin(port);
            assertThat(browser.login(user.username(), TestUsers.PASSWORD)).as(caller.toString()).endsWith("/");
            cookies.put(caller, "Cookie: JSESSIONID=" + browser.sessionId().orElseThrow());
        }
        return cookies;
    }

    private RawHttp.Response get(String path, String cookie) throws IOException {
        return cookie == null ? RawHttp.get(port, path) : RawHttp.get(port, path, cookie);
    }

    /** Without the headers that differ per response anyway (the date, and the request id for log correlation). */
    private static List<String> withoutDate(RawHttp.Response response) {
        return response.headers().stream().filter(h -> !h.regionMatches(true, 0, "Date:", 0, 5))
                .filter(h -> !h.regionMatches(true, 0, "X-Request-Id:", 0, 13)).toList();
    }

    /** A mask of the image's own size, whoever asks (the dimensions are read without any workspace scope). */
    private GenerationRequest.Upload maskFor(UUID image) {
        var row = db.fetchOptional(imgen.db.Tables.IMAGE, imgen.db.Tables.IMAGE.ID.eq(image));
        int width = row.map(r -> r.getWidth()).orElse(64);
        int height = row.map(r -> r.getHeight()).orElse(64);
        return new GenerationRequest.Upload("mask.png", TestImages.mask(width, height));
    }

    private Object editFrom(UUID image) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of("the same, in blue", ImageOptions.DEFAULTS
                .withOutputFormat(OutputFormat.PNG)).withSourceImages(List.of(image)));
        return Generations.awaitFinished(generations, id).status();
    }

    private String csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportCsv(AuditFilter.none(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String done(Runnable action) {
        action.run();
        return "done";
    }

    private static Row read(String name, Call call, String expected) {
        return new Row(name, false, call, expected);
    }

    private static Row change(String name, Call call, String expected) {
        return new Row(name, true, call, expected);
    }

    private MatrixWorld.People people() {
        if (people == null) {
            people = MatrixWorld.People.create(users);
        }
        return people;
    }

    private MatrixWorld shared() {
        if (shared == null) {
            shared = newWorld(null);
        }
        return shared;
    }

    private MatrixWorld newWorld(Row row) {
        boolean queuedJob = row != null && row.method().equals("GenerationService.cancel");
        boolean ruled = row != null && row.method().equals("RoleAccessService.removeRule");
        MatrixWorld world = MatrixWorld.create(people(), users, db, store, roles, webhooks, memberships, queuedJob,
                ruled, clock);
        world.logIn(Caller.OWNER, memberships);
        TOKENS.put(world.target.workspace(), apiTokens.create("owner's script", 30).token().id());
        LoggedIn.nobody();
        return world;
    }

    /** Ana's token in each matrix world's workspace A. */
    private static final Map<UUID, UUID> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
}
