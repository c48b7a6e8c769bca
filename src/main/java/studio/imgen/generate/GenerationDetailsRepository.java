package studio.imgen.generate;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;
import static studio.imgen.generate.GenerationRepository.instant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.GenerationRecord;

/** Generations as the views show them, always scoped to a workspace: two queries per read, whatever the count. */
@Repository
class GenerationDetailsRepository {

    private final DSLContext db;

    GenerationDetailsRepository(DSLContext db) {
        this.db = db;
    }

    /** Details scoped to the workspace: a generation of another workspace does not exist for the caller. */
    Optional<GenerationDetails> findDetails(UUID workspaceId, UUID id) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.ID.eq(id)), 1).stream().findFirst();
    }

    /** The generation that produced a (not deleted) result image of the workspace. */
    Optional<GenerationDetails> findDetailsByImage(UUID workspaceId, UUID imageId) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.ID.eq(DSL.select(IMAGE.GENERATION_ID)
                .from(IMAGE).where(IMAGE.ID.eq(imageId).and(IMAGE.WORKSPACE_ID.eq(workspaceId))
                        .and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull())))), 1).stream().findFirst();
    }

    List<GenerationDetails> recentOf(UUID workspaceId, UUID userId, int limit) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.USER_ID.eq(userId)), limit);
    }

    private List<GenerationDetails> details(Condition where, int limit) {
        List<Record> rows = db.select(GENERATION.asterisk(), USER_DIRECTORY.DISPLAY_NAME)
                .from(GENERATION).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(GENERATION.USER_ID))
                .where(where)
                .orderBy(GENERATION.CREATED_AT.desc(), GENERATION.ID.desc())
                .limit(limit)
                .fetch();
        List<UUID> ids = rows.stream().map(r -> r.get(GENERATION.ID)).toList();
        Map<UUID, List<GeneratedImageView>> images = db.selectFrom(IMAGE)
                .where(IMAGE.GENERATION_ID.in(ids).and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull()))
                .orderBy(IMAGE.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(i -> i.getGenerationId(), Collectors.mapping(
                        i -> new GeneratedImageView(i.getId(), i.getPosition(), i.getFormat(), i.getWidth(), i.getHeight(),
                                i.getBytes()), Collectors.toList())));
        return rows.stream().map(r -> {
            GenerationRecord g = r.into(GENERATION);
            return new GenerationDetails(g.getId(), g.getWorkspaceId(), g.getUserId(), r.get(USER_DIRECTORY.DISPLAY_NAME),
                    g.getKind(), GenerationStatus.of(g.getStatus()), g.getPrompt(), options(g),
                    g.getReferenceCount(), g.getErrorMessage(),
                    g.getTextInputTokens(), g.getImageInputTokens(), g.getImageOutputTokens(), g.getCostMicros(),
                    g.getCostEstimated(), instant(g.getCreatedAt()), instant(g.getStartedAt()), instant(g.getFinishedAt()),
                    images.getOrDefault(g.getId(), List.of()),
                    g.getMainlineModel() == null ? null : new GenerationDetails.Conversation(g.getMainlineModel(),
                            g.getResponseId(), GenerationDetails.Fallback.of(g.getFallbackReason()),
                            g.getMainlineInputTokens(),
                            g.getMainlineOutputTokens()),
                    Boolean.TRUE.equals(g.getHasMask()));
        }).toList();
    }

    /** The job's options as stored (wire values, checked on admission). */
    static ImageOptions options(GenerationRecord job) {
        return ImageOptions.fromWire(job.getModel(), job.getSize(), job.getQuality(), job.getN(), job.getBackground(),
                job.getOutputFormat(), job.getOutputCompression(), job.getModeration(), job.getInputFidelity());
    }
}
