-- A generation's end is audited with the token it was requested through, read from its "admitted" entry
-- (audit.TokenUse). Without this index that read walked every admitted entry of the workspace (the
-- workspace/status index), on the path of every finished generation: at a million entries, tens of
-- milliseconds per result. A generation has two or three entries, so this finds them at once.
create index audit_log_generation_idx on audit_log (generation_id) where generation_id is not null;
