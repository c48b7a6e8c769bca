package studio.imgen.openai;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import studio.imgen.testsupport.FakeOpenAi;

/** One fake OpenAI per test class, a fresh gateway (with a recording sleeper) per test. */
abstract class GatewayTestBase {

    protected static FakeOpenAi fake;
    protected RecordingSleeper sleeper;
    protected OpenAiGateway gateway;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void createGateway() {
        fake.reset();
        sleeper = new RecordingSleeper();
        gateway = Gateways.create(Gateways.properties(fake.baseUrl()), sleeper);
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }
}
