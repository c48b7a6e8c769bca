package studio.imgen.testsupport;

import java.util.UUID;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Generation rows written straight to the table, for tests that stage what a (dead) worker left behind. */
public final class JobRows {

    private JobRows() {
    }

    /** A one-image gpt-image-2 generate job of the member; the caller adds attempt, lease and timing as needed. */
    public static GenerationRecord job(TestUser member, String status, String prompt) {
        GenerationRecord job = new GenerationRecord();
        job.setWorkspaceId(member.workspaceId());
        job.setUserId(member.id());
        job.setSubmissionId(UUID.randomUUID());
        job.setKind("generate");
        job.setStatus(status);
        job.setPrompt(prompt);
        job.setModel("gpt-image-2");
        job.setSize("auto");
        job.setQuality("auto");
        job.setN(1);
        job.setBackground("auto");
        job.setOutputFormat("png");
        return job;
    }
}
