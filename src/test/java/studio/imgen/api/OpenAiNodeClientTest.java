package studio.imgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestImages;
import tools.jackson.databind.ObjectMapper;

/**
 * The official {@code openai} npm package (src/test/node, installed with {@code npm ci} from its lock file) against the
 * running app: generate, stream with partial images, edit, list models, a size the role refuses (403), a cooldown
 * (429 with Retry-After) and a revoked token (401). Needs Node 20+ on the PATH; .ci/run installs it.
 */
class OpenAiNodeClientTest extends ServerTest {

    private static final Path PACKAGE = Path.of("src/test/node");

    @Autowired
    ApiTokenService tokens;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    ObjectMapper json;

    @Test
    void theOfficialNodeClientWorksAgainstTheApp(@TempDir Path temp) throws Exception {
        fake.reset();
        // Previews a second apart, as OpenAI paces them, so the app has each one before the final image overtakes it.
        fake.setStreamEventDelay(Duration.ofSeconds(1));
        ApiWorld open = ApiWorld.create(users, memberships, tokens, roles, members);
        ApiWorld limited = ApiWorld.create(users, memberships, tokens, roles, members);
        limited.ruleForAna(600, Set.of("test-image-b"), Set.of("1024x1024"), Set.of());
        String revoked = open.tokenOf(open.ana(), "retired-script");
        LoggedIn.as(open.ana(), memberships);
        try {
            tokens.revoke(tokens.mine().get(0).id());
        } finally {
            LoggedIn.nobody();
        }
        Path image = temp.resolve("sky.png");
        Files.write(image, TestImages.png(64, 64, 0x3366cc));

        Map<String, Map<String, Object>> steps = run(Map.of(
                "OPENAI_BASE_URL", url("/v1"),
                "TOKEN_OPEN", open.tokenOf(open.ana(), "node-script"),
                "TOKEN_LIMITED", limited.tokenOf(limited.ana(), "node-limited"),
                "TOKEN_REVOKED", revoked,
                "IMAGE_PATH", image.toString()));

        assertThat(steps.get("generate")).containsEntry("ok", true).containsEntry("images", 1)
                .containsEntry("magic", "PNG").containsEntry("outputFormat", "png");
        // The first preview may be skipped when the second overtakes it (OpenAI's contract: "up to" partial_images).
        assertThat(steps.get("stream")).containsEntry("ok", true);
        assertThat(steps.get("stream").get("events")).isIn(List.of("image_generation.partial_image 0",
                "image_generation.partial_image 1", "image_generation.completed"),
                List.of("image_generation.partial_image 1", "image_generation.completed"));
        assertThat(steps.get("edit")).containsEntry("ok", true).containsEntry("magic", "PNG");
        assertThat(steps.get("models")).containsEntry("ok", true);
        assertThat(steps.get("models").get("ids")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("test-image-a", "test-image-b");
        assertThat(steps.get("refused-size")).containsEntry("ok", false).containsEntry("status", 403)
                .containsEntry("code", "size_not_allowed")
                .containsEntry("message", "That size is not available for your role.");
        assertThat(steps.get("first-allowed")).containsEntry("ok", true);
        assertThat(steps.get("cooldown")).containsEntry("ok", false).containsEntry("status", 429)
                .containsEntry("code", "cooldown");
        assertThat(Long.parseLong((String) steps.get("cooldown").get("retryAfter"))).isBetween(590L, 600L);
        assertThat(steps.get("revoked")).containsEntry("ok", false).containsEntry("status", 401)
                .containsEntry("message", BearerTokenFilter.INVALID);
    }

    private Map<String, Map<String, Object>> run(Map<String, String> environment) throws Exception {
        if (!Files.isDirectory(PACKAGE.resolve("node_modules/openai"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        String output = exec(List.of("node", "client.mjs"), environment, 180);
        Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> step = json.readValue(line, Map.class);
            steps.put((String) step.get("step"), step);
        }
        assertThat(steps.keySet()).as(output).containsExactly("generate", "stream", "edit", "models", "refused-size",
                "first-allowed", "cooldown", "revoked");
        return steps;
    }

    private static String exec(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new AssertionError("Cannot run " + command.get(0) + ": install Node.js 20+ and npm (.ci/run does).",
                    missing);
        }
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as(String.join("\n", command)).isTrue();
        String output = String.join("\n", lines);
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + output).isZero();
        return output;
    }
}
