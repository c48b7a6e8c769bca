-- Login throttling state, shared by every app instance. A key is 'user:<lower username>' or 'ip:<address>'.
create table login_throttle (
    throttle_key     text primary key,
    failures         integer     not null default 0,
    not_before       timestamptz,
    last_failure_at  timestamptz
);

-- Every login attempt, kept until the audit log takes over (a later migration copies nothing; both coexist).
create table login_event (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    username   text        not null,
    user_id    uuid references app_user (id) on delete set null,
    outcome    text        not null check (outcome in ('success', 'bad_credentials', 'throttled', 'disabled')),
    client_ip  text
);
create index login_event_at_idx on login_event (at desc);
