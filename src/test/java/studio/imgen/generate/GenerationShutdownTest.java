package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.LoggedInAsMemberTest;

/**
 * A stopped worker takes no job; started again (Spring's test framework pauses and resumes cached contexts), it takes
 * them again. The SIGTERM path with a job running is {@code ProxyTopologyTest}'s rolling restart.
 */
class GenerationShutdownTest extends LoggedInAsMemberTest {

    @Autowired
    GenerationShutdown shutdown;
    @Autowired
    GenerationWorker worker;
    @Autowired
    GenerationRepository jobs;

    @Test
    void aStoppedInstanceTakesNoJobAndAfterARestartTakesThemAgain() throws InterruptedException {
        shutdown.stop();
        UUID queued;
        try {
            queued = jobs.insert(JobRows.job(ana, "queued", "waits for a worker"));
            worker.drain();
            assertThat(jobs.find(queued).orElseThrow().getStatus()).as("not taken while stopped").isEqualTo("queued");
        } finally {
            shutdown.start();
        }
        worker.drain();
        assertThat(Generations.awaitFinished(generations, queued).status()).isEqualTo(GenerationStatus.SUCCEEDED);
    }
}
