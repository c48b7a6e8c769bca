package studio.imgen.security;

import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.WORKSPACE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.audit.WebhookService;
import imgen.db.Public;
import studio.imgen.gallery.GalleryFixtures;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Two workspaces for the authorization matrix. Workspace A holds everything the callers reach for: Ana's image and
 * generation, a queued job of hers, a role, a webhook (and so an audit entry) and Cleo, the member admin actions
 * target. Workspace B is the outsiders' own, with an image of its own so their lists are never trivially empty.
 * People are created once (password hashing is slow) and join each new pair of workspaces.
 */
final class MatrixWorld {

    /** Who calls: nobody, a member and an admin of B, a member, the image's owner and an admin of A. */
    enum Caller { ANONYMOUS, OUTSIDER, OUTSIDE_ADMIN, MEMBER, OWNER, ADMIN }

    /** The ids a call may aim at: A's objects, or (for comparison) ids that exist nowhere. */
    record Target(UUID workspace, UUID image, UUID generation, UUID queuedGeneration, UUID role, UUID member,
                  long auditSeq) {

        static Target random() {
            return new Target(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
        }
    }

    /** The people, shared by every world. */
    record People(TestUser ana, TestUser ben, TestUser cleo, TestUser dana, TestUser eve, TestUser bea, TestUser sam) {

        static People create(TestUsers users) {
            return new People(users.create(null, "Ana", false, false), users.create(null, "Ben", false, false),
                    users.create(null, "Cleo", false, false), users.create(null, "Dana", false, false),
                    users.create(null, "Eve", false, false), users.create(null, "Bea", false, false),
                    users.create(null, "Sam", false, false));
        }
    }

    final UUID a;
    final String aName;
    final UUID b;
    final UUID bImage;
    final Target target;
    private final Map<Caller, TestUser> callers = new EnumMap<>(Caller.class);
    private final List<String> markers = new ArrayList<>();

    private MatrixWorld(UUID a, String aName, UUID b, UUID bImage, Target target, People people) {
        this.a = a;
        this.aName = aName;
        this.b = b;
        this.bImage = bImage;
        this.target = target;
        callers.put(Caller.OUTSIDER, in(people.eve(), b));
        callers.put(Caller.OUTSIDE_ADMIN, in(people.bea(), b));
        callers.put(Caller.MEMBER, in(people.ben(), a));
        callers.put(Caller.OWNER, in(people.ana(), a));
        callers.put(Caller.ADMIN, in(people.dana(), a));
    }

    /**
     * Builds both workspaces through the real services where that is quick (role, webhook) and fixtures where it is
     * not (finished generations with stored files).
     */
    static MatrixWorld create(People people, TestUsers users, DSLContext db, ImageStore store, RoleAccessService roles,
                              WebhookService webhooks, studio.imgen.security.MembershipLookup memberships,
                              boolean queuedJob, boolean ruledRole, Clock clock) {
        UUID a = users.workspaceWithKey("MatrixA");
        UUID b = users.workspaceWithKey("MatrixB");
        String aName = db.select(WORKSPACE.NAME).from(WORKSPACE).where(WORKSPACE.ID.eq(a)).fetchOne(WORKSPACE.NAME);
        users.join(people.dana(), a, true);
        users.join(people.ana(), a, false);
        users.join(people.ben(), a, false);
        users.join(people.cleo(), a, false);
        users.join(people.eve(), b, false);
        users.join(people.bea(), b, true);

        GalleryFixtures fixtures = new GalleryFixtures(db, store);
        String prompt = "matrix-secret-" + UUID.randomUUID();
        GalleryFixtures.Seeded seeded = fixtures.generation(a, people.ana().id(), prompt, "gpt-image-2", clock.instant(), 1, true);
        UUID bImage = fixtures.generation(b, people.eve().id(), "outsiders' own picture", "gpt-image-2", clock.instant(), 1, true)
                .first();
        UUID queued = queuedJob ? queued(db, a, people.ana().id(), prompt) : UUID.randomUUID();

        LoggedIn.as(in(people.dana(), a), memberships);
        String roleName = "Designers-" + UUID.randomUUID().toString().substring(0, 8);
        roles.createRole(roleName, null);
        UUID role = roles.roles().stream().filter(r -> r.role().name().equals(roleName)).findFirst().orElseThrow().role().id();
        if (ruledRole) {
            // Only where a test removes it: with any rule in place, members without a role may not generate.
            roles.saveRule(new RuleDraft(role, null, "0", Set.of(), Set.of(), Set.of(), null, null, null));
        }
        webhooks.set("http://127.0.0.1:9/matrix-hook");
        long seq = db.select(org.jooq.impl.DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(a))
                .fetchOne(0, Long.class);
        LoggedIn.nobody();

        Target target = new Target(a, seeded.first(), seeded.generationId(), queued, role, people.cleo().id(), seq);
        MatrixWorld world = new MatrixWorld(a, aName, b, bImage, target, people);
        world.markers.addAll(List.of(a.toString(), aName, prompt, roleName, seeded.first().toString(),
                seeded.generationId().toString(), queued.toString(), role.toString()));
        for (TestUser insider : List.of(people.ana(), people.ben(), people.cleo(), people.dana())) {
            world.markers.add(insider.id().toString());
            world.markers.add(insider.username());
        }
        return world;
    }

    /** A job of Ana's that waits in the queue (the background poll is off in tests, so nothing claims it). */
    private static UUID queued(DSLContext db, UUID workspace, UUID owner, String prompt) {
        return db.insertInto(GENERATION)
                .set(GENERATION.WORKSPACE_ID, workspace).set(GENERATION.USER_ID, owner)
                .set(GENERATION.SUBMISSION_ID, UUID.randomUUID()).set(GENERATION.KIND, "generate")
                .set(GENERATION.STATUS, "queued").set(GENERATION.PROMPT, prompt).set(GENERATION.MODEL, "gpt-image-2")
                .set(GENERATION.SIZE, "1024x1024").set(GENERATION.QUALITY, "low").set(GENERATION.N, 1)
                .set(GENERATION.BACKGROUND, "auto").set(GENERATION.OUTPUT_FORMAT, "png").set(GENERATION.MODERATION, "auto")
                .returning(GENERATION.ID).fetchOne(GENERATION.ID);
    }

    /** Leaves no queued job behind for a later test's worker to pick up. */
    void discardQueuedJob(DSLContext db) {
        db.update(GENERATION).set(GENERATION.STATUS, "cancelled")
                .where(GENERATION.ID.eq(target.queuedGeneration()).and(GENERATION.STATUS.eq("queued"))).execute();
    }

    TestUser user(Caller caller) {
        return callers.get(caller);
    }

    void logIn(Caller caller, studio.imgen.security.MembershipLookup memberships) {
        if (caller == Caller.ANONYMOUS) {
            LoggedIn.nobody();
        } else {
            LoggedIn.as(callers.get(caller), memberships);
        }
    }

    /** Text that only someone with access to workspace A could know. */
    List<String> markers() {
        return markers;
    }

    /**
     * Every row of every table that belongs to workspace A (audit tables aside: a refusal may be audited), as sorted
     * text. Equal before and after a call means the call changed nothing in A.
     */
    String fingerprint(DSLContext db) {
        TreeSet<String> rows = new TreeSet<>();
        for (Table<?> table : Public.PUBLIC.getTables()) {
            if (table.getName().startsWith("audit")) {
                continue;
            }
            Field<?> scope = table.field("workspace_id");
            if (table.getName().equals("workspace")) {
                scope = table.field("id");
            }
            if (scope == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Field<UUID> workspace = (Field<UUID>) scope;
            db.selectFrom(table).where(workspace.eq(a)).fetch()
                    .forEach(r -> rows.add(table.getName() + " " + Arrays.stream(r.intoArray())
                            .map(v -> v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                    : v instanceof Object[] array ? Arrays.toString(array) : String.valueOf(v))
                            .toList()));
        }
        return String.join("\n", rows);
    }

    private static TestUser in(TestUser user, UUID workspace) {
        return new TestUser(user.id(), user.username(), user.displayName(), workspace);
    }
}
