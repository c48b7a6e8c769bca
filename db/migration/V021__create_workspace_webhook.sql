-- The optional log webhook of a workspace (imgen-behaviour.md §7): one message per succeeded generation. The last
-- delivery's result is kept here so admins see failures (defect D5: ImGen swallowed them).
create table workspace_webhook (
    workspace_id      uuid primary key references workspace (id) on delete cascade,
    url               text        not null check (length(url) between 8 and 2000 and url ~* '^https?://'),
    updated_by        uuid references app_user (id) on delete set null,
    updated_at        timestamptz not null default now(),
    -- 'delivered' or 'failed'; null until the first delivery
    last_status       text check (last_status in ('delivered', 'failed')),
    last_attempt_at   timestamptz,
    last_http_status  integer,
    last_error        text check (length(last_error) <= 500),
    last_delivered_at timestamptz,
    failures_in_a_row integer     not null default 0
);
