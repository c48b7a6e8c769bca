-- The audit log (security-reliability.md §4.8): one row per event, append-only, kept when users, workspaces or
-- generations are deleted. There are deliberately no foreign keys: a cascading delete would be a DELETE on this
-- table, which the triggers below refuse, and the log must outlive what it describes.
create table audit_log (
    seq                 bigint generated always as identity primary key,
    at                  timestamptz not null default now(),
    -- null only for instance-level events nobody's workspace owns (a login attempt with an unknown username)
    workspace_id        uuid,
    actor_id            uuid,
    -- the actor's display name (or the attempted username) at the time: survives renames and deletions
    actor_name          text check (length(actor_name) <= 200),
    -- 'generation', 'login', 'admin' or 'webhook': what the Action filter and its index work on
    category            text        not null check (category in ('generation', 'login', 'admin', 'webhook')),
    -- 'generate' / 'edit' for generations, 'login', or the admin change ('admin.api_key.set', …)
    action              text        not null check (length(action) between 1 and 100),
    -- coarse result for security review: success, failure, denied, cancelled
    outcome             text        not null check (outcome in ('success', 'failure', 'denied', 'cancelled')),
    -- generation: admitted, succeeded, failed, denied, cancelled, interrupted; login: succeeded, failed, throttled,
    -- disabled; null for admin changes
    status              text,
    -- failure code ('moderation_blocked', …) or the sentence a refused member saw
    reason              text,
    target_type         text,
    target_id           uuid,
    target_name         text,
    generation_id       uuid,
    prompt              text,
    model               text,
    size                text,
    quality             text,
    n                   integer,
    background          text,
    output_format       text,
    moderation          text,
    reference_count     integer,
    has_mask            boolean,
    parent_image_id     uuid,
    latency_ms          bigint,
    openai_request_id   text,
    text_input_tokens   bigint,
    image_input_tokens  bigint,
    image_output_tokens bigint,
    text_output_tokens  bigint,
    cost_micros         bigint,
    image_ids           uuid[]      not null default '{}',
    details             jsonb       not null default '{}',
    client_ip           text check (length(client_ip) <= 64),
    -- computed once at insert (rows never change), so a filtered scan does not re-parse every prompt
    prompt_search       tsvector generated always as (to_tsvector('simple', coalesce(prompt, ''))) stored
);

-- Paging is keyset on (at, seq), newest first, always inside one workspace; each filter with its own index keeps a
-- selective filter from scanning the whole workspace.
create index audit_log_ws_at_idx on audit_log (workspace_id, at, seq);
create index audit_log_ws_actor_at_idx on audit_log (workspace_id, actor_id, at, seq);
create index audit_log_ws_model_at_idx on audit_log (workspace_id, model, at, seq);
create index audit_log_ws_category_at_idx on audit_log (workspace_id, category, at, seq);
create index audit_log_ws_status_at_idx on audit_log (workspace_id, status, at, seq);
create index audit_log_prompt_search_idx on audit_log using gin (prompt_search);

-- Append-only, enforced by the database. The embedded PostgreSQL runs the app and Flyway as one role, so these
-- triggers are the guarantee; with an external database, grant the app role only SELECT and INSERT on this table
-- (README, "Audit log") so that not even a dropped trigger lets it rewrite history.
create function audit_log_reject() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% blocked)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_reject();
-- Row triggers do not fire on TRUNCATE.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_reject();
