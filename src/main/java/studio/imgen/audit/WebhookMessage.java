package studio.imgen.audit;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The log message for one succeeded generation, as ImGen's log entry (imgen-behaviour §7): title, user, prompt up to
 * 1,000 characters plus "...", model, size, quality, plus cost and a link into the app. One JSON body serves both
 * chat services: Slack reads {@code text} (mrkdwn, so &amp;, &lt; and &gt; are escaped there and a prompt cannot
 * forge a link or an @channel), Discord reads {@code content} (plain, with every mention disabled).
 */
record WebhookMessage(String title, String user, String prompt, String model, String size, String quality,
                      String cost, String link) {

    static final int PROMPT_LIMIT = 1_000;

    static String title(boolean edit) {
        return edit ? "✏️ Image Edited" : "🎨 Image Generated";
    }

    /** The first 1,000 characters (code points, so no emoji is cut in half), with "..." when there was more. */
    static String shortPrompt(String prompt) {
        if (prompt == null) {
            return "";
        }
        if (prompt.codePointCount(0, prompt.length()) <= PROMPT_LIMIT) {
            return prompt;
        }
        return prompt.substring(0, prompt.offsetByCodePoints(0, PROMPT_LIMIT)) + "...";
    }

    String plainText() {
        return title + "\nUser: " + user + "\nPrompt: " + shortPrompt(prompt) + "\n" + details()
                + (link == null ? "" : "\n" + link);
    }

    String slackText() {
        return slack(title) + "\nUser: " + slack(user) + "\nPrompt: " + slack(shortPrompt(prompt)) + "\n" + slack(details())
                + (link == null ? "" : "\n<" + link + "|Open in ImGen Studio>");
    }

    private String details() {
        return "Model: " + model + " · Size: " + size + " · Quality: " + quality + (cost == null ? "" : " · Cost: " + cost);
    }

    String json(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("text", slackText());
        body.put("content", plainText());
        body.putObject("allowed_mentions").putArray("parse");
        return mapper.writeValueAsString(body);
    }

    /** Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
    static String slack(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
