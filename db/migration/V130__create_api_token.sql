-- Personal access tokens for the OpenAI-compatible images API (issue 16). A token acts as one member in one
-- workspace; only the SHA-256 of the secret is kept (the secret is 32 random bytes, so a slow hash adds nothing).
create table api_token (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id) on delete cascade,
    user_id       uuid        not null references app_user (id) on delete cascade,
    name          text        not null check (length(name) between 1 and 80),
    -- the first characters of the secret ("imgs_AbC4"), enough to tell tokens apart in lists and logs
    hint          text        not null check (length(hint) between 5 and 16),
    secret_sha256 bytea       not null unique check (length(secret_sha256) = 32),
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    last_used_at  timestamptz,
    last_used_ip  text check (length(last_used_ip) <= 64),
    revoked_at    timestamptz,
    revoked_by    uuid references app_user (id) on delete set null,
    check (expires_at > created_at)
);
create index api_token_member_idx on api_token (workspace_id, user_id, created_at);

-- Failed token attempts per client address, shared by every instance (like login_throttle, but owned by the api
-- module): after the free failures each further one doubles the wait, up to a minute; 15 quiet minutes reset it.
create table api_auth_throttle (
    client_address  text primary key check (length(client_address) <= 64),
    failures        integer     not null,
    not_before      timestamptz not null,
    last_failure_at timestamptz not null
);
