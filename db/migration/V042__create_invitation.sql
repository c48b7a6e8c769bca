-- Invitation links to join a workspace. Only the SHA-256 of the token is stored, so a database reader cannot use an
-- open invitation. Accepting is one conditional UPDATE (unused, unrevoked, unexpired), so a link works exactly once.
create table invitation (
    id           uuid primary key default gen_random_uuid(),
    workspace_id uuid        not null references workspace (id) on delete cascade,
    token_sha256 bytea       not null unique check (length(token_sha256) = 32),
    is_admin     boolean     not null default false,
    created_by   uuid        not null references app_user (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz not null check (expires_at > created_at),
    accepted_at  timestamptz,
    accepted_by  uuid references app_user (id) on delete set null,
    revoked_at   timestamptz,
    revoked_by   uuid references app_user (id) on delete set null,
    unique (workspace_id, id)
);
create index invitation_open_idx on invitation (workspace_id, expires_at) where accepted_at is null and revoked_at is null;

-- The roles the new member receives; a role deleted meanwhile simply drops out.
create table invitation_role (
    workspace_id  uuid not null,
    invitation_id uuid not null,
    role_id       uuid not null,
    primary key (invitation_id, role_id),
    foreign key (workspace_id, invitation_id) references invitation (workspace_id, id) on delete cascade,
    foreign key (workspace_id, role_id) references workspace_role (workspace_id, id) on delete cascade
);
