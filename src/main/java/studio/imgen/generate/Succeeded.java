package studio.imgen.generate;

import studio.imgen.openai.TokenUsage;

/** What the fenced success write records on the job: what OpenAI returned, what it cost, and how a turn went. */
record Succeeded(String requestId, String size, String quality, String background, String revisedPrompt,
                 TokenUsage usage, long costMicros, boolean costEstimated, TurnOutcome turn) {
}
