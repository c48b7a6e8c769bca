-- Edit threads: the workspace's default mode for new threads and the chat model that drives conversation turns.
alter table workspace_settings
    add column edit_thread_mode text not null default 'conversation'
        check (edit_thread_mode in ('conversation', 'direct_edit')),
    add column mainline_model   text not null default 'gpt-5'
        check (length(mainline_model) between 1 and 64 and mainline_model !~ '^(gpt-image|dall-e)');

-- A conversation turn is a generation sent through the Responses API: the chat model, the response it continued
-- and the one it produced (what the next turn continues), whether OpenAI had forgotten the conversation so the
-- turn fell back to a direct edit, and the chat model's own tokens (billed apart from the image tokens).
alter table generation
    add column mainline_model         text,
    add column previous_response_id   text,
    add column response_id            text,
    add column conversation_fallback  boolean not null default false,
    add column mainline_input_tokens  bigint,
    add column mainline_output_tokens bigint;
