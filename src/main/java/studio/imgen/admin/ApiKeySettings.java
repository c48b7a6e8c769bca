package studio.imgen.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import studio.imgen.base.Notice;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.openai.ListedModel;
import studio.imgen.openai.OpenAiException;
import studio.imgen.openai.OpenAiGateway;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The workspace's OpenAI key for {@link WorkspaceSettingsService}, which has checked the admin: set (encrypted,
 * write-only), removed, and tested with one cheap call whose answer also tells which models the key can use.
 */
@Component
class ApiKeySettings {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySettings.class);

    private final WorkspaceSettingsRepository settings;
    private final ApiKeyVault vault;
    private final OpenAiGateway gateway;
    private final ModelAvailability availability;
    private final ModelStatusRefresh modelStatus;
    private final SettingsAudit audit;

    ApiKeySettings(WorkspaceSettingsRepository settings, ApiKeyVault vault, OpenAiGateway gateway,
                   ModelAvailability availability, ModelStatusRefresh modelStatus, SettingsAudit audit) {
        this.settings = settings;
        this.vault = vault;
        this.gateway = gateway;
        this.availability = availability;
        this.modelStatus = modelStatus;
        this.audit = audit;
    }

    String set(Member me, String rawKey) {
        WorkspaceSettings.KeyStatus before = settings.find(me.workspaceId()).key();
        vault.store(me.workspaceId(), rawKey, me.userId());
        // Another key may see other models; its list is read when the key is tested (the settings page does so).
        availability.forget(me.workspaceId());
        WorkspaceSettings.KeyStatus after = settings.find(me.workspaceId()).key();
        audit.record(me, "api_key.set", "", SettingsAudit.key(before), SettingsAudit.key(after));
        return "OpenAI API key has been set for this workspace.";
    }

    Notice clear(Member me) {
        WorkspaceSettings.KeyStatus before = settings.find(me.workspaceId()).key();
        if (!vault.clear(me.workspaceId())) {
            return Notice.info("No API key is configured.");
        }
        availability.forget(me.workspaceId());
        audit.record(me, "api_key.cleared", "", SettingsAudit.key(before), "not set");
        return Notice.success("OpenAI API key has been removed.");
    }

    /** Up to about 20 seconds; holds no connection during the call. */
    Notice test(Member me) {
        Optional<String> key;
        try {
            key = vault.decrypt(me.workspaceId());
        } catch (KeyDecryptionException e) {
            log.warn("Key test in workspace {}: {}", me.workspaceId(), e.getMessage());
            return Notice.error("The stored key cannot be decrypted with this server's master key. Set the key again.");
        }
        if (key.isEmpty()) {
            return Notice.info("No API key is configured.");
        }
        try {
            List<ListedModel> listed = gateway.listModels(key.get());
            audit.record(me, "key.tested", "OpenAI key", null, "accepted");
            modelStatus.record(me.workspaceId(), listed);
            long usable = availability.offeredTo(me.workspaceId()).size();
            return Notice.success("OpenAI accepted the key. It can use " + usable + (usable == 1 ? " model" : " models")
                    + " of the catalogue.");
        } catch (OpenAiException e) {
            // detail() is the upstream status and message with anything key-like masked.
            log.info("Key test in workspace {} failed: {}", me.workspaceId(), e.detail());
            audit.record(me, "key.tested", "OpenAI key", null,
                    "refused (" + e.kind().name().toLowerCase(Locale.ROOT) + ")");
            return failure(e);
        }
    }

    private static Notice failure(OpenAiException e) {
        return switch (e.kind()) {
            case INVALID_KEY -> Notice.error("OpenAI rejected the key. Check that it was copied completely and has not"
                    + " been revoked, then set it again.");
            case PERMISSION_DENIED -> Notice.error("OpenAI refused access for this key (permission or region).");
            case RATE_LIMITED, INSUFFICIENT_QUOTA -> Notice.warning("OpenAI knows the key but is busy or the account is"
                    + " out of quota. Check billing, or test again later.");
            default -> Notice.error("The key could not be tested: " + e.userMessage());
        };
    }
}
