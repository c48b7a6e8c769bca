package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static imgen.db.Tables.IMAGE;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import studio.imgen.storage.HostileUploads;
import studio.imgen.storage.HostileUploads.Upload;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedInAsMemberTest;

/**
 * The hostile corpus as reference images through the submission path a view uses: refusals reach the member as the
 * validator's message and nothing goes upstream; accepted files are stored only as their re-encoded, script-free form
 * under a generated name, and that is what OpenAI receives.
 */
class HostileUploadSubmitTest extends LoggedInAsMemberTest {

    @Autowired
    ImageStore store;

    static Stream<Upload> corpus() {
        return HostileUploads.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void submittedAsAReference(Upload upload) throws Exception {
        GenerationRequest request = GenerationRequest.of("use this as a reference")
                .withReferences(List.of(new GenerationRequest.Upload(upload.fileName(), upload.bytes())));

        if (upload.refusal().isPresent()) {
            assertThat(catchThrowable(() -> generations.submit(request))).isExactlyInstanceOf(UserInputException.class)
                    .hasMessageStartingWith(upload.expectedMessageStart());
            assertThat(fake.requests()).as("calls to OpenAI").isEmpty();
            assertThat(db.fetchCount(IMAGE, IMAGE.WORKSPACE_ID.eq(ana.workspaceId()))).as("image rows").isZero();
            return;
        }
        UUID id = generations.submit(request);
        assertThat(Generations.awaitFinished(generations, id).status()).isEqualTo(GenerationStatus.SUCCEEDED);

        var reference = db.selectFrom(IMAGE).where(IMAGE.GENERATION_ID.eq(id).and(IMAGE.ROLE.eq("reference"))).fetchSingle();
        ImageFormat format = ImageFormat.valueOf(reference.getFormat().toUpperCase(Locale.ROOT));
        assertThat(format).isEqualTo(upload.reencodedAs().orElseThrow());
        byte[] stored;
        try (var in = store.open(StorageKey.original(ana.workspaceId(), reference.getId(), format))) {
            stored = in.readAllBytes();
        }
        assertThat(HostileUploads.contains(stored, "<script")).isFalse();
        assertThat(stored.length).as("metadata dropped").isLessThan(100_000);
        assertThat(fake.requests()).singleElement().satisfies(call ->
                assertThat(HostileUploads.contains(call.body(), "<script")).as("sent upstream").isFalse());
    }
}
