-- Chat-style edit threads. A thread belongs to a workspace and the member who started it; colleagues may read it.
create table edit_thread (
    id                      uuid primary key default gen_random_uuid(),
    workspace_id            uuid        not null references workspace (id) on delete cascade,
    owner_id                uuid        not null references app_user (id),
    title                   text        not null check (length(title) between 1 and 200),
    mode                    text        not null check (mode in ('conversation', 'direct_edit')),
    -- "Edit from here" makes a new thread; the original is never changed.
    branched_from_thread_id uuid references edit_thread (id) on delete set null,
    branched_from_seq       integer,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    deleted_at              timestamptz
);
create index edit_thread_owner_idx on edit_thread (workspace_id, owner_id, updated_at desc) where deleted_at is null;

-- Turn 1 either holds an existing image (started from "Edit this image" or a branch; response_id is the
-- conversation it may continue) or is a generation (started from uploads). Every later turn is a generation.
create table thread_turn (
    id            uuid primary key default gen_random_uuid(),
    thread_id     uuid        not null references edit_thread (id) on delete cascade,
    seq           integer     not null check (seq >= 1),
    mode          text        not null check (mode in ('start', 'conversation', 'direct_edit')),
    generation_id uuid references generation (id) on delete cascade,
    image_id      uuid references image (id),
    response_id   text,
    created_at    timestamptz not null default now(),
    unique (thread_id, seq),
    check ((generation_id is null) <> (image_id is null))
);
create index thread_turn_generation_idx on thread_turn (generation_id);
