package studio.imgen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import studio.imgen.testsupport.NginxProcess;

/**
 * The nginx configuration an operator copies from the guide is the one {@code ProxyTopologyTest} runs: README and
 * operations guide carry the template word for word.
 */
class ProxyGuideTest {

    @Test
    void readmeAndOperationsGuideShowTheTestedTemplateWordForWord() throws IOException {
        String template = Files.readString(Path.of(NginxProcess.TEMPLATE));
        String block = "```nginx\n" + template + "```\n";

        assertThat(Files.readString(Path.of("README.md"))).contains(block);
        assertThat(Files.readString(Path.of("docs", "operations.md"))).contains(block);
    }
}
