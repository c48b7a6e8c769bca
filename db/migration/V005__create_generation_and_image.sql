-- A generation is a durable job: the row exists before anything is sent upstream, workers claim it with a lease,
-- and only the current lease holder may write its result.
create table generation (
    id                  uuid primary key default gen_random_uuid(),
    workspace_id        uuid        not null references workspace (id) on delete cascade,
    user_id             uuid        not null references app_user (id),
    submission_id       uuid        not null,
    kind                text        not null check (kind in ('generate', 'edit')),
    status              text        not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    prompt              text        not null check (length(prompt) between 1 and 32000),
    model               text        not null,
    size                text        not null,
    quality             text        not null,
    n                   integer     not null check (n between 1 and 10),
    background          text        not null,
    output_format       text        not null check (output_format in ('png', 'jpeg', 'webp')),
    output_compression  integer check (output_compression between 0 and 100),
    moderation          text        not null default 'auto' check (moderation in ('auto', 'low')),
    input_fidelity      text check (input_fidelity in ('low', 'high')),
    partial_images      integer     not null default 0 check (partial_images between 0 and 3),
    reference_count     integer     not null default 0,
    has_mask            boolean     not null default false,
    parent_image_id     uuid,
    -- job control
    attempt             integer     not null default 0,
    lease_token         uuid,
    lease_until         timestamptz,
    request_sent_at     timestamptz,
    cancel_requested    boolean     not null default false,
    -- outcome
    error_code          text,
    error_message       text,
    error_detail        text,
    openai_request_id   text,
    revised_prompt      text,
    result_size         text,
    result_quality      text,
    result_background   text,
    text_input_tokens   bigint,
    image_input_tokens  bigint,
    image_output_tokens bigint,
    text_output_tokens  bigint,
    cost_micros         bigint,
    created_at          timestamptz not null default now(),
    started_at          timestamptz,
    finished_at         timestamptz,
    unique (user_id, submission_id)
);
create index generation_workspace_created_idx on generation (workspace_id, created_at desc, id desc);
create index generation_user_created_idx on generation (user_id, created_at desc);
create index generation_claimable_idx on generation (created_at) where status in ('queued', 'running');
create index generation_prompt_fts_idx on generation using gin (to_tsvector('simple', prompt));

-- Image files: results, uploaded references and masks. Bytes live in the ImageStore under a key derived from
-- workspace, id and format; the database keeps metadata only.
create table image (
    id            uuid primary key default gen_random_uuid(),
    workspace_id  uuid        not null references workspace (id) on delete cascade,
    owner_id      uuid        not null references app_user (id),
    generation_id uuid references generation (id) on delete cascade,
    role          text        not null check (role in ('result', 'reference', 'mask')),
    position      integer     not null default 0,
    format        text        not null check (format in ('png', 'jpeg', 'webp')),
    width         integer     not null,
    height        integer     not null,
    bytes         bigint      not null,
    sha256        text        not null,
    has_thumbnail boolean     not null default false,
    created_at    timestamptz not null default now(),
    deleted_at    timestamptz
);
create index image_workspace_created_idx on image (workspace_id, created_at desc, id desc) where role = 'result' and deleted_at is null;
create index image_generation_idx on image (generation_id, role, position);

alter table generation
    add constraint generation_parent_image_fk foreign key (parent_image_id) references image (id) on delete set null;

-- Which uploaded images a generation sends upstream, in order (the mask separately).
create table generation_input (
    generation_id uuid    not null references generation (id) on delete cascade,
    image_id      uuid    not null references image (id),
    position      integer not null,
    primary key (generation_id, position)
);
