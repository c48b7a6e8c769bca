-- When OpenAI last answered 429 insufficient_quota for the workspace's key; shown to its admins until a generation
-- succeeds again or the key changes.
alter table workspace_settings add column openai_quota_exhausted_at timestamptz;
