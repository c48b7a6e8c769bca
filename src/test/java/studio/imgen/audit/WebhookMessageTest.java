package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** ImGen's log entry content (imgen-behaviour §7, scenario 45) in one Slack- and Discord-compatible body. */
class WebhookMessageTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aPromptOverAThousandCharactersIsCutThereWithThreeDots() {
        assertThat(WebhookMessage.shortPrompt("a".repeat(1_000))).hasSize(1_000).doesNotEndWith("...");
        assertThat(WebhookMessage.shortPrompt("a".repeat(1_500))).isEqualTo("a".repeat(1_000) + "...");
    }

    @Test
    void theCutNeverSplitsACharacter() {
        String emoji = "🦊".repeat(1_001);

        String shown = WebhookMessage.shortPrompt(emoji);

        assertThat(shown).isEqualTo("🦊".repeat(1_000) + "...");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(1_003);
    }

    @Test
    void slackMarkupInUserDataIsEscapedAndDiscordMentionsAreOff() throws Exception {
        WebhookMessage message = new WebhookMessage(WebhookMessage.title(false), "Ana <@U123>",
                "<!channel> <http://evil|click> & @everyone", "GPT Image 2", "1024x1024", "high", "$0.0421",
                "https://studio.example/img/1");

        JsonNode body = json.readTree(message.json(json));

        assertThat(body.get("text").asText()).isEqualTo("🎨 Image Generated\nUser: Ana &lt;@U123&gt;\n"
                + "Prompt: &lt;!channel&gt; &lt;http://evil|click&gt; &amp; @everyone\n"
                + "Model: GPT Image 2 · Size: 1024x1024 · Quality: high · Cost: $0.0421\n"
                + "<https://studio.example/img/1|Open in ImGen Studio>");
        assertThat(body.get("content").asText()).isEqualTo("🎨 Image Generated\nUser: Ana <@U123>\n"
                + "Prompt: <!channel> <http://evil|click> & @everyone\n"
                + "Model: GPT Image 2 · Size: 1024x1024 · Quality: high · Cost: $0.0421\n"
                + "https://studio.example/img/1");
        assertThat(body.get("allowed_mentions").get("parse").isArray()).isTrue();
        assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
        assertThat(body.get("content").asText().length()).isLessThan(2_000);
    }

    @Test
    void editsAreTitledLikeImGen() {
        assertThat(WebhookMessage.title(true)).isEqualTo("✏️ Image Edited");
        assertThat(WebhookMessage.title(false)).isEqualTo("🎨 Image Generated");
    }
}
