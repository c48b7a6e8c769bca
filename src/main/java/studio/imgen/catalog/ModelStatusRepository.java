package studio.imgen.catalog;

import static imgen.db.Tables.CHAT_MODEL;
import static imgen.db.Tables.IMAGE_MODEL;
import static imgen.db.Tables.WORKSPACE_MODEL_CHECK;
import static imgen.db.Tables.WORKSPACE_MODEL_STATUS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Per-workspace model status from OpenAI's model list; every statement is scoped by the workspace id. */
@Repository
class ModelStatusRepository {

    private final DSLContext db;

    ModelStatusRepository(DSLContext db) {
        this.db = db;
    }

    WorkspaceModels find(UUID workspaceId) {
        Instant checkedAt = db.select(WORKSPACE_MODEL_CHECK.CHECKED_AT).from(WORKSPACE_MODEL_CHECK)
                .where(WORKSPACE_MODEL_CHECK.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(r -> r.value1().toInstant()).orElse(null);
        Set<String> listed = new HashSet<>();
        Map<String, LocalDate> shutdowns = new HashMap<>();
        Map<String, Instant> unavailable = new HashMap<>();
        db.selectFrom(WORKSPACE_MODEL_STATUS).where(WORKSPACE_MODEL_STATUS.WORKSPACE_ID.eq(workspaceId)).forEach(r -> {
            if (r.getListed()) {
                listed.add(r.getModelId());
            }
            if (r.getShutdownOn() != null) {
                shutdowns.put(r.getModelId(), r.getShutdownOn());
            }
            if (r.getUnavailableAt() != null) {
                unavailable.put(r.getModelId(), r.getUnavailableAt().toInstant());
            }
        });
        return checkedAt == null && listed.isEmpty() && unavailable.isEmpty() ? WorkspaceModels.UNKNOWN
                : new WorkspaceModels(checkedAt, listed, shutdowns, unavailable);
    }

    /** Replaces the workspace's list with a fresh one; a listed model is usable again. */
    void replace(UUID workspaceId, List<AnnouncedModel> models, Instant at) {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        db.deleteFrom(WORKSPACE_MODEL_STATUS).where(WORKSPACE_MODEL_STATUS.WORKSPACE_ID.eq(workspaceId)
                .and(WORKSPACE_MODEL_STATUS.UNAVAILABLE_AT.isNull()
                        .or(WORKSPACE_MODEL_STATUS.MODEL_ID.in(models.stream().map(AnnouncedModel::id).toList()))))
                .execute();
        db.update(WORKSPACE_MODEL_STATUS).set(WORKSPACE_MODEL_STATUS.LISTED, false)
                .where(WORKSPACE_MODEL_STATUS.WORKSPACE_ID.eq(workspaceId)).execute();
        var insert = db.insertInto(WORKSPACE_MODEL_STATUS, WORKSPACE_MODEL_STATUS.WORKSPACE_ID,
                WORKSPACE_MODEL_STATUS.MODEL_ID, WORKSPACE_MODEL_STATUS.LISTED, WORKSPACE_MODEL_STATUS.SHUTDOWN_ON,
                WORKSPACE_MODEL_STATUS.SEEN_AT);
        for (AnnouncedModel m : models) {
            insert = insert.values(workspaceId, m.id(), true, m.shutdownOn(), now);
        }
        if (!models.isEmpty()) {
            insert.execute();
        }
        db.insertInto(WORKSPACE_MODEL_CHECK).set(WORKSPACE_MODEL_CHECK.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MODEL_CHECK.CHECKED_AT, now)
                .onConflict(WORKSPACE_MODEL_CHECK.WORKSPACE_ID).doUpdate().set(WORKSPACE_MODEL_CHECK.CHECKED_AT, now)
                .execute();
    }

    /** @return true when the model was not marked yet */
    boolean markUnavailable(UUID workspaceId, String modelId, Instant at) {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        return db.insertInto(WORKSPACE_MODEL_STATUS)
                .set(WORKSPACE_MODEL_STATUS.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MODEL_STATUS.MODEL_ID, modelId)
                .set(WORKSPACE_MODEL_STATUS.LISTED, false)
                .set(WORKSPACE_MODEL_STATUS.UNAVAILABLE_AT, now)
                .set(WORKSPACE_MODEL_STATUS.SEEN_AT, now)
                .onConflict(WORKSPACE_MODEL_STATUS.WORKSPACE_ID, WORKSPACE_MODEL_STATUS.MODEL_ID).doUpdate()
                .set(WORKSPACE_MODEL_STATUS.UNAVAILABLE_AT, now)
                .where(WORKSPACE_MODEL_STATUS.UNAVAILABLE_AT.isNull())
                .execute() == 1;
    }

    /** Another key: what the old one could use says nothing about it. */
    void forget(UUID workspaceId) {
        db.deleteFrom(WORKSPACE_MODEL_STATUS).where(WORKSPACE_MODEL_STATUS.WORKSPACE_ID.eq(workspaceId)).execute();
        db.deleteFrom(WORKSPACE_MODEL_CHECK).where(WORKSPACE_MODEL_CHECK.WORKSPACE_ID.eq(workspaceId)).execute();
    }

    /** Workspaces whose list was never read or was read before {@code before}. */
    List<UUID> checkedBefore(List<UUID> workspaces, Instant before) {
        Set<UUID> fresh = new HashSet<>(db.select(WORKSPACE_MODEL_CHECK.WORKSPACE_ID).from(WORKSPACE_MODEL_CHECK)
                .where(WORKSPACE_MODEL_CHECK.CHECKED_AT.ge(before.atOffset(ZoneOffset.UTC)))
                .fetch(WORKSPACE_MODEL_CHECK.WORKSPACE_ID));
        return workspaces.stream().filter(w -> !fresh.contains(w)).toList();
    }

    /** Image-model ids some workspace's key lists that the catalogue lacks: how many workspaces, first seen. */
    List<SeenModel> listedButUncatalogued(java.util.regex.Pattern imageModelId) {
        return db.select(WORKSPACE_MODEL_STATUS.MODEL_ID, DSL.count(), DSL.min(WORKSPACE_MODEL_STATUS.SEEN_AT))
                .from(WORKSPACE_MODEL_STATUS)
                .where(WORKSPACE_MODEL_STATUS.LISTED)
                .and(WORKSPACE_MODEL_STATUS.MODEL_ID.notIn(DSL.select(IMAGE_MODEL.ID).from(IMAGE_MODEL)))
                .and(WORKSPACE_MODEL_STATUS.MODEL_ID.notIn(DSL.select(CHAT_MODEL.ID).from(CHAT_MODEL)))
                .groupBy(WORKSPACE_MODEL_STATUS.MODEL_ID)
                .orderBy(WORKSPACE_MODEL_STATUS.MODEL_ID)
                .fetch(r -> new SeenModel(r.value1(), r.value2(), r.value3().toInstant()))
                .stream().filter(s -> imageModelId.matcher(s.id()).matches()).toList();
    }
}
