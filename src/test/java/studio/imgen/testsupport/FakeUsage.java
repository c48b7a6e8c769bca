package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Realistic token counts (openai-images.md §9) so cost code downstream sees plausible numbers. */
final class FakeUsage {

    /** Image output tokens per image for gpt-image-1/1.5 at the three standard sizes. */
    private static final Map<String, int[]> OUTPUT_TOKENS = Map.of(
            "low", new int[] {272, 408, 400},
            "medium", new int[] {1056, 1584, 1568},
            "high", new int[] {4160, 6240, 6208});
    static final int TOKENS_PER_PARTIAL_IMAGE = 100;
    static final int HIGH_FIDELITY_EXTRA_TOKENS = 6000;

    private FakeUsage() {}

    /** {@code auto} resolves to medium; {@code xhigh}/{@code max} cost like high. */
    static String resolveQuality(String quality) {
        if (quality == null || quality.equals("auto")) {
            return "medium";
        }
        return quality;
    }

    static long imageOutputTokens(String resolvedQuality, FakeImages.Size size) {
        int[] perSize = OUTPUT_TOKENS.getOrDefault(resolvedQuality, OUTPUT_TOKENS.get("high"));
        if (size.width() == 1024 && size.height() == 1024) {
            return perSize[0];
        }
        if (size.width() == 1024 && size.height() == 1536) {
            return perSize[1];
        }
        if (size.width() == 1536 && size.height() == 1024) {
            return perSize[2];
        }
        return Math.round(perSize[0] * (size.width() * (double) size.height()) / (1024.0 * 1024.0));
    }

    static long textTokens(String text) {
        return text == null ? 0 : Math.max(1, (text.length() + 3) / 4);
    }

    /** Vision-style tiling: a base cost plus 129 tokens per 512-pixel tile. */
    static long imageInputTokens(int width, int height, boolean highFidelity) {
        long tiles = (long) Math.ceil(width / 512.0) * (long) Math.ceil(height / 512.0);
        return 65 + 129 * tiles + (highFidelity ? HIGH_FIDELITY_EXTRA_TOKENS : 0);
    }

    static ObjectNode images(long textIn, long imageIn, long imageOut, boolean withOutputDetails) {
        ObjectNode usage = Json.object();
        usage.put("total_tokens", textIn + imageIn + imageOut);
        usage.put("input_tokens", textIn + imageIn);
        usage.put("output_tokens", imageOut);
        ObjectNode in = usage.putObject("input_tokens_details");
        in.put("text_tokens", textIn);
        in.put("image_tokens", imageIn);
        if (withOutputDetails) {
            ObjectNode out = usage.putObject("output_tokens_details");
            out.put("image_tokens", imageOut);
            out.put("text_tokens", 0);
        }
        return usage;
    }

    static ObjectNode mainline(long input, long output) {
        ObjectNode usage = Json.object();
        usage.put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", input + output);
        return usage;
    }
}
