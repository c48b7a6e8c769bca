package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.IMAGE;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.S3ImageStore;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.S3MockServer;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The whole app on {@code app.storage.type=s3} against its own S3Mock process: generations land in the bucket, the
 * image endpoint streams them through the access check, and when the server goes away a generation fails with
 * nothing recorded. Credentials come through the AWS default chain, as in production (here: system properties).
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3StorageIntegrationTest {

    private static S3MockServer server;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        server = S3MockServer.start();
        System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
        registry.add("app.storage.type", () -> "s3");
        registry.add("app.storage.s3.bucket", () -> S3MockServer.BUCKET);
        registry.add("app.storage.s3.endpoint", server::endpoint);
        registry.add("app.storage.s3.path-style", () -> "true");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Autowired
    ImageStore store;
    @Autowired
    GenerationService generations;
    @Autowired
    ImageController controller;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;

    TestUser ana;

    @BeforeEach
    void member() {
        fake.reset();
        ana = users.member(users.workspaceWithKey("Bucketed"), "Ana");
        LoggedIn.as(ana, memberships);
    }

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @Test
    @Order(1)
    void generatedImagesLiveInTheBucketAndAreStreamedThroughTheAccessCheck() throws Exception {
        assertThat(store).isInstanceOf(S3ImageStore.class);
        assertThat(store.describe()).isEqualTo("S3 bucket 'imgen-test' at " + server.endpoint());

        GenerationDetails done = Generated.images(generations, "a lighthouse in fog", 1);
        UUID imageId = done.images().get(0).id();

        byte[] inBucket;
        try (var client = server.client()) {
            inBucket = client.getObjectAsBytes(b -> b.bucket(S3MockServer.BUCKET)
                    .key(ana.workspaceId() + "/" + imageId + ".png")).asByteArray();
            assertThat(client.headObject(b -> b.bucket(S3MockServer.BUCKET)
                    .key(ana.workspaceId() + "/" + imageId + ".thumb.jpg")).contentType()).isEqualTo("image/jpeg");
        }
        assertThat(inBucket.length).isEqualTo(done.images().get(0).bytes());

        ResponseEntity<?> original = controller.original(imageId.toString(), null);
        assertThat(original.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(original)).isEqualTo(inBucket);
        ResponseEntity<?> thumbnail = controller.thumbnail(imageId.toString(), null);
        assertThat(thumbnail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(thumbnail)).startsWith(0xFF, 0xD8);

        LoggedIn.as(users.member(users.workspaceWithKey("Elsewhere"), "Eve"), memberships);
        assertThat(controller.original(imageId.toString(), null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(2)
    void whenTheServerIsGoneAGenerationFailsAndNothingIsRecorded() throws Exception {
        server.close();
        UUID id = generations.submit(GenerationRequest.of("lost in transit", ImageOptions.DEFAULTS
                .withOutputFormat(OutputFormat.PNG)));

        GenerationDetails failed = awaitFinished(id);

        assertThat(failed.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.images()).isEmpty();
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.eq(id))).isZero();
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).hasSize(1);
    }

    private GenerationDetails awaitFinished(UUID id) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        Runnable unsubscribe = generations.watch(id, event -> {
            if (event instanceof GenerationEvent.Finished) {
                done.countDown();
            }
        });
        try {
            if (!generations.find(id).orElseThrow().status().finished()) {
                assertThat(done.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("generation finished").isTrue();
            }
        } finally {
            unsubscribe.run();
        }
        return generations.find(id).orElseThrow();
    }

    private static byte[] body(ResponseEntity<?> response) throws Exception {
        try (InputStream in = ((Resource) response.getBody()).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
