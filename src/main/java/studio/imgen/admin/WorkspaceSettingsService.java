package studio.imgen.admin;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.Notice;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Workspace settings for its admins (imgen-behaviour.md §6): the OpenAI key (write-only, {@link ApiKeySettings}),
 * defaults and the admin cooldown exemption ({@link DefaultsSettings}) and the overview ({@link SettingsOverviews}).
 * Every method re-checks in the database that the caller administers their active workspace and hands the pieces
 * that workspace only. Results are sentences to show the admin.
 */
@Service
public class WorkspaceSettingsService {

    private final WorkspaceAccess access;
    private final ApiKeySettings keys;
    private final DefaultsSettings defaults;
    private final SettingsOverviews overviews;
    private final ModelShutdowns shutdowns;

    WorkspaceSettingsService(WorkspaceAccess access, ApiKeySettings keys, DefaultsSettings defaults,
                             SettingsOverviews overviews, ModelShutdowns shutdowns) {
        this.access = access;
        this.keys = keys;
        this.defaults = defaults;
        this.overviews = overviews;
        this.shutdowns = shutdowns;
    }

    @RolesAllowed("ADMIN")
    public SettingsOverview overview() {
        Member me = access.requireAdmin();
        return overviews.of(me.workspaceId());
    }

    /**
     * Moves everything in the workspace that uses a retiring model (default, role rules, conversation model) to its
     * replacement, audited before → after.
     */
    @RolesAllowed("ADMIN")
    public String applyReplacement(String modelId) {
        Member me = access.requireAdmin();
        return shutdowns.applyReplacement(me.workspaceId(), modelId, me.userId());
    }

    @RolesAllowed("ADMIN")
    public DefaultsForm defaultsForm() {
        return defaults.form(access.requireAdmin());
    }

    /** Stores the key encrypted; the value is trimmed and must be 20 to 200 characters. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String setApiKey(String rawKey) {
        return keys.set(access.requireAdmin(), rawKey);
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public Notice clearApiKey() {
        return keys.clear(access.requireAdmin());
    }

    /**
     * Makes one cheap authenticated call with the stored key and says what OpenAI answered. Takes up to about
     * 20 seconds, so call it off the UI thread. No transaction: no connection is held during the call.
     */
    @RolesAllowed("ADMIN")
    public Notice testApiKey() {
        return keys.test(access.requireAdmin());
    }

    /**
     * Changes the defaults that differ from the stored ones. Defaults are not checked against role rules
     * (resolution handles conflicts).
     *
     * @param expectedVersion the version of {@link #defaultsForm()} the admin edited
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice updateDefaults(DefaultsChange change, int expectedVersion) {
        return defaults.update(access.requireAdmin(), change, expectedVersion);
    }

    /**
     * Sets the mode new edit threads start in and the chat model conversation turns use.
     *
     * @param expectedVersion the version of {@link #defaultsForm()} the admin edited
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice updateThreadDefaults(EditThreadDefaults.Mode mode, String mainlineModel, int expectedVersion) {
        return defaults.updateThreadDefaults(access.requireAdmin(), mode, mainlineModel, expectedVersion);
    }

    /** Whether workspace admins skip cooldowns. Role access, quotas and budgets apply to them either way. */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice setAdminExemptFromCooldown(boolean exempt, int expectedVersion) {
        return defaults.setAdminExemptFromCooldown(access.requireAdmin(), exempt, expectedVersion);
    }
}
