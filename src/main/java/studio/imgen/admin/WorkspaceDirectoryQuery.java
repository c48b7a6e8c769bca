package studio.imgen.admin;

import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Which workspaces have an OpenAI key set (this module's settings), for the instance admin's workspace list.
 */
@Repository
class WorkspaceDirectoryQuery {

    private final DSLContext db;

    WorkspaceDirectoryQuery(DSLContext db) {
        this.db = db;
    }

    Set<UUID> withKey() {
        return db.select(WORKSPACE_SETTINGS.WORKSPACE_ID).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT.isNotNull())
                .fetchSet(WORKSPACE_SETTINGS.WORKSPACE_ID);
    }
}
