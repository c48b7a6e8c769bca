package studio.imgen.audit;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBERSHIP;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The audit log as workspace admins read it: filtered keyset pages, totals, one entry in full and a streamed CSV
 * export. Every method re-checks in the database that the caller administers their active workspace and reads only
 * that workspace's entries.
 */
@Service
@RolesAllowed("ADMIN")
public class AuditService {

    public static final int MAX_PAGE = 500;

    private final WorkspaceAccess access;
    private final AuditQuery query;
    private final ModelCatalog catalog;
    private final DSLContext db;

    AuditService(WorkspaceAccess access, AuditQuery query, ModelCatalog catalog, DSLContext db) {
        this.access = access;
        this.query = query;
        this.catalog = catalog;
        this.db = db;
    }

    /** Pins the filter to the log as it is now and counts what it matches. */
    @RolesAllowed("ADMIN")
    public AuditSnapshot open(AuditFilter filter) {
        Member me = access.requireAdmin();
        AuditFilter pinned = filter.pinnedAt(query.latestSeq());
        return new AuditSnapshot(pinned, query.totals(me.workspaceId(), pinned));
    }

    /**
     * Entries of the filter, newest first: after {@code after} (null: from the newest), skipping {@code skip} more,
     * at most {@code limit}. Continuing from the last row's cursor keeps every page an index seek, however deep.
     */
    @RolesAllowed("ADMIN")
    public List<AuditRow> page(AuditFilter filter, AuditCursor after, int skip, int limit) {
        Member me = access.requireAdmin();
        if (skip < 0 || limit < 0) {
            throw new IllegalArgumentException("skip and limit must not be negative");
        }
        return query.page(me.workspaceId(), filter, after, skip, Math.min(limit, MAX_PAGE));
    }

    @RolesAllowed("ADMIN")
    public AuditTotals totals(AuditFilter filter) {
        Member me = access.requireAdmin();
        return query.totals(me.workspaceId(), filter);
    }

    /** One entry of the caller's workspace; another workspace's entry does not exist. */
    @RolesAllowed("ADMIN")
    public Optional<AuditDetail> detail(long seq) {
        Member me = access.requireAdmin();
        return query.detail(me.workspaceId(), seq);
    }

    /**
     * Writes every entry of the filter as CSV to {@code out}, streamed from a database cursor (constant memory).
     * Returns the number of entries written. Closes {@code out}.
     */
    @RolesAllowed("ADMIN")
    public long exportCsv(AuditFilter filter, OutputStream out) {
        Member me = access.requireAdmin();
        try (AuditCsv csv = new AuditCsv(out)) {
            query.forEach(me.workspaceId(), filter, AuditCsv.fields(), csv::write);
            return csv.rows();
        }
    }

    /** The pickers: the workspace's current members and every catalogue model (retired ones have history too). */
    @RolesAllowed("ADMIN")
    public AuditFilterOptions filterOptions() {
        Member me = access.requireAdmin();
        List<AuditFilterOptions.Person> people = db.select(USER_DIRECTORY.ID, USER_DIRECTORY.DISPLAY_NAME)
                .from(WORKSPACE_MEMBERSHIP).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBERSHIP.USER_ID))
                .where(WORKSPACE_MEMBERSHIP.WORKSPACE_ID.eq(me.workspaceId()))
                .orderBy(USER_DIRECTORY.DISPLAY_NAME, USER_DIRECTORY.ID)
                .fetch(r -> new AuditFilterOptions.Person(r.value1(), r.value2()));
        List<AuditFilterOptions.Model> models = catalog.all().stream()
                .map(m -> new AuditFilterOptions.Model(m.id(), m.label())).toList();
        return new AuditFilterOptions(people, models);
    }
}
