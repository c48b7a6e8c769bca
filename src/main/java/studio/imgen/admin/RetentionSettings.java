package studio.imgen.admin;

import studio.imgen.workspace.AdminActionPerformed;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * How long a workspace keeps its images: after {@code days} they are expired (files deleted, rows kept so audit
 * entries still say what existed). 0 keeps everything forever, the default.
 */
@Service
public class RetentionSettings {

    public static final int MAX_DAYS = 36_500;

    private final WorkspaceAccess access;
    private final DSLContext db;
    private final ApplicationEventPublisher events;

    RetentionSettings(WorkspaceAccess access, DSLContext db, ApplicationEventPublisher events) {
        this.access = access;
        this.db = db;
        this.events = events;
    }

    /** The caller's workspace's retention in days, 0 for "forever"; members see it on expired images. */
    public int days() {
        return read(access.requireMember().workspaceId());
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public Notice setDays(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new UserInputException("Enter a number of days from 0 (keep images forever) to 36,500.");
        }
        Member me = access.requireAdmin();
        int before = read(me.workspaceId());
        if (before == days) {
            return Notice.info("Nothing changed.");
        }
        db.insertInto(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.WORKSPACE_ID, me.workspaceId())
                .set(WORKSPACE_SETTINGS.RETENTION_DAYS, days)
                .onConflict(WORKSPACE_SETTINGS.WORKSPACE_ID).doUpdate()
                .set(WORKSPACE_SETTINGS.RETENTION_DAYS, days)
                .execute();
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), "retention.updated", "",
                describe(before), describe(days)));
        return Notice.success(days == 0 ? "Images are now kept forever."
                : "Images older than " + describe(days) + " will be deleted within the hour.");
    }

    /** For the retention job, which runs without a user: every workspace that expires images, with its period. */
    public List<WorkspaceRetention> active() {
        return db.select(WORKSPACE_SETTINGS.WORKSPACE_ID, WORKSPACE_SETTINGS.RETENTION_DAYS)
                .from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.RETENTION_DAYS.gt(0))
                .fetch(r -> new WorkspaceRetention(r.value1(), r.value2()));
    }

    private int read(UUID workspaceId) {
        Integer days = db.select(WORKSPACE_SETTINGS.RETENTION_DAYS).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId)).fetchOne(WORKSPACE_SETTINGS.RETENTION_DAYS);
        return days == null ? 0 : days;
    }

    public static String describe(int days) {
        return days == 0 ? "keep forever" : days == 1 ? "1 day" : days + " days";
    }

    public record WorkspaceRetention(UUID workspaceId, int days) {
    }
}
