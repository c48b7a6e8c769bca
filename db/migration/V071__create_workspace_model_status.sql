-- What each workspace's OpenAI key can use, from GET /v1/models with that key (when the key is set or tested, and
-- daily), with the shutdown dates OpenAI announces there. A model OpenAI answered model_not_found for is marked
-- unavailable until the key's list shows it again.
create table workspace_model_status (
    workspace_id   uuid        not null references workspace (id) on delete cascade,
    model_id       text        not null check (length(model_id) between 1 and 200),
    -- listed by GET /v1/models the last time the key's models were read
    listed         boolean     not null,
    shutdown_on    date,
    unavailable_at timestamptz,
    seen_at        timestamptz not null,
    primary key (workspace_id, model_id)
);

-- When the key's model list was last read; no row: not yet, and until then every catalogue model counts as usable.
create table workspace_model_check (
    workspace_id uuid primary key references workspace (id) on delete cascade,
    checked_at   timestamptz not null
);
