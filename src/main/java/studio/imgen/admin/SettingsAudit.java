package studio.imgen.admin;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import studio.imgen.workspace.AdminActionPerformed;
import studio.imgen.workspace.WorkspaceAccess.Member;

/** Settings changes as the audit log records them: who changed what in which workspace, before → after. */
@Component
class SettingsAudit {

    private final ApplicationEventPublisher events;

    SettingsAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }

    /** A key by its last four characters only: the audit never holds the key. */
    static String key(WorkspaceSettings.KeyStatus key) {
        return key.configured() ? "configured, ends with …" + key.last4() : "not set";
    }

    static String defaults(WorkspaceSettings s) {
        return "model=" + (s.defaultModel() == null ? "(catalogue default)" : s.defaultModel())
                + ", size=" + s.defaultSize() + ", quality=" + s.defaultQuality()
                + ", format=" + s.defaultFormat() + ", background=" + s.defaultBackground();
    }

    static String threadDefaults(EditThreadDefaults d) {
        return "mode=" + d.mode().dbValue() + ", mainline_model=" + d.mainlineModel();
    }
}
