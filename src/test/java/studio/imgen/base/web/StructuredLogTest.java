package studio.imgen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code APP_LOG_FORMAT=json} turns the console into one ECS JSON object per line carrying the request id; without
 * it, lines stay text with the id in brackets. Each case runs in its own JVM, because logging is configured once per
 * JVM and the other tests' contexts share it.
 */
class StructuredLogTest {

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheRequestId() throws Exception {
        List<String> lines = runProbe("json");

        String probeLine = lines.stream().filter(l -> l.contains("probe line")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(probeLine);
        assertThat(json.get("message").asText()).isEqualTo("probe line");
        assertThat(json.findValue("level").asText()).isEqualTo("INFO");
        assertThat(json.findValue("requestId").asText()).as(probeLine).isEqualTo("probe-request-42");
        assertThat(json.has("@timestamp")).isTrue();
        assertThat(lines).filteredOn(l -> !l.isBlank()).allSatisfy(l -> assertThat(l).startsWith("{"));
    }

    @Test
    void textFormatKeepsPlainLinesWithTheRequestIdInBrackets() throws Exception {
        List<String> lines = runProbe("text");

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("[probe-request-42] ").contains("probe line")
                .doesNotStartWith("{"));
        assertThat(lines).filteredOn(l -> l.contains("Starting LogProbe"))
                .allSatisfy(l -> assertThat(l).doesNotContain("[] "));
    }

    private static List<String> runProbe(String format) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogProbe.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("APP_LOG_FORMAT", format);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
