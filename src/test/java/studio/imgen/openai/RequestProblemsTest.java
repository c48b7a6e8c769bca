package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;

/**
 * Issue 14, defect 3 (D4): each 400 OpenAI documents reaches the member as a sentence saying what to change, through
 * the real SDK; OpenAI's own wording stays in {@link OpenAiException#detail()} (the admin's audit entry) only.
 */
class RequestProblemsTest {

    private static FakeOpenAi fake;
    private OpenAiGateway gateway;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        gateway = Gateways.create(Gateways.properties(fake.baseUrl()), new RecordingSleeper());
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    static Stream<Arguments> documentedRefusals() {
        return Stream.of(
                Arguments.of(Fault.badRequest("size", "invalid_value", "Invalid value: '1792x1024'. Supported values"
                        + " are: '1024x1024', '1024x1536', '1536x1024', and 'auto'."), RequestProblems.SIZE),
                Arguments.of(Fault.badRequest("quality", "invalid_value", "Invalid value: 'hd'. Supported values are:"
                        + " 'low', 'medium', 'high', and 'auto'."), RequestProblems.QUALITY),
                Arguments.of(Fault.badRequest("prompt", "string_above_max_length", "Invalid 'prompt': string too long."
                        + " Expected a string with maximum length 32000, but got a string with length 40000 instead."),
                        RequestProblems.PROMPT_TOO_LONG),
                Arguments.of(Fault.badRequest("image", "image_too_large", "Invalid file 'image': file too large."),
                        RequestProblems.IMAGE_TOO_LARGE),
                Arguments.of(Fault.badRequest("image[1]", "unsupported_file_mimetype", "Invalid file 'image[1]':"
                        + " unsupported mimetype ('application/octet-stream')."),
                        FailureKind.INVALID_IMAGE.defaultUserMessage()),
                Arguments.of(Fault.badRequest("mask", "invalid_value", "Invalid mask: mask size 32x32 does not match"
                        + " image size 64x64."), RequestProblems.MASK),
                Arguments.of(Fault.badRequest("style", "unknown_parameter", "Unknown parameter: 'style'."),
                        RequestProblems.UNKNOWN_PARAMETER),
                Arguments.of(Fault.badRequest("model", "invalid_value", "Invalid value: 'gpt-image-9'. Supported values"
                        + " are: 'gpt-image-1' and 'gpt-image-1.5'."), RequestProblems.MODEL),
                Arguments.of(Fault.modelNotFound("gpt-image-9"), FailureKind.MODEL_NOT_AVAILABLE.defaultUserMessage()),
                Arguments.of(Fault.badRequest("background", "invalid_value", "Transparent background is not supported"
                        + " for jpeg."), RequestProblems.BACKGROUND),
                Arguments.of(Fault.badRequest(null, null, "Something new OpenAI says about the request."),
                        RequestProblems.OTHER));
    }

    @ParameterizedTest
    @MethodSource("documentedRefusals")
    void eachDocumentedRefusalTellsTheMemberWhatToChange(Fault refusal, String sentence) {
        fake.enqueueFault(refusal);

        OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> gateway.generate(Gateways.KEY,
                GenerateRequest.of("gpt-image-1.5", "a fox"), ProgressListener.NONE));

        assertThat(e).isNotNull();
        assertThat(e.userMessage()).isEqualTo(sentence).doesNotContain("OpenAI refused the request:", "Invalid",
                "Supported values", "Unknown parameter", "string too long", "gpt-image-9");
        assertThat(e.detail()).startsWith("HTTP 4").contains("message=");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aPromptOverOpenAisLimitIsCaughtByTheRealValidationAndReadsAsTooLong() {
        OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> gateway.generate(Gateways.KEY,
                GenerateRequest.of("gpt-image-1.5", "fox ".repeat(8_001)), ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(e.userMessage()).isEqualTo(RequestProblems.PROMPT_TOO_LONG);
        assertThat(e.detail()).contains("param=prompt", "string too long");
    }
}
