package studio.imgen.generate;

import java.util.UUID;

/**
 * A generation reached a state worth recording: admitted ({@link GenerationAdmitted}), or finished in any way
 * ({@link GenerationFinished}). Published after the state is committed, with what listeners (the audit log, the
 * webhook, the metrics) need, so none of them reads the generation again.
 */
public sealed interface GenerationRecorded permits GenerationAdmitted, GenerationFinished {

    UUID generationId();

    UUID workspaceId();

    /** The member who submitted it. */
    UUID userId();

    GenerationStatus status();

    RecordedRequest request();
}
