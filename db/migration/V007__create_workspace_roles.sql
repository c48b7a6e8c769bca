-- Workspace roles, the access rule of each role (at most one) and which members hold which roles.
-- Every link carries the workspace id, and the composite foreign keys make a cross-workspace link impossible.
create table workspace_role (
    id           uuid primary key default gen_random_uuid(),
    workspace_id uuid        not null references workspace (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 50 and name = btrim(name)),
    colour       text        not null default '#64748b' check (colour ~ '^#[0-9a-f]{6}$'),
    created_at   timestamptz not null default now(),
    unique (workspace_id, id)
);
create unique index workspace_role_name_lower_uk on workspace_role (workspace_id, lower(name));

-- Empty arrays mean "unrestricted" (imgen-behaviour.md §2.2); 0 quotas and budget mean unlimited.
-- The role reference is NO ACTION (checked at the end of the statement): deleting a role that still has a rule is
-- refused (defect D16: orphaned rules), while deleting the whole workspace cascades through both tables.
create table role_rule (
    role_id               uuid primary key,
    workspace_id          uuid        not null references workspace (id) on delete cascade,
    cooldown_seconds      integer     not null check (cooldown_seconds between 0 and 999999),
    models                text[]      not null default '{}',
    sizes                 text[]      not null default '{}' check (not ('auto' = any (sizes))),
    qualities             text[]      not null default '{}' check (not ('auto' = any (qualities))),
    daily_quota           integer     not null default 0 check (daily_quota between 0 and 999999),
    monthly_quota         integer     not null default 0 check (monthly_quota between 0 and 999999),
    monthly_budget_micros bigint      not null default 0 check (monthly_budget_micros >= 0),
    updated_at            timestamptz not null default now(),
    foreign key (workspace_id, role_id) references workspace_role (workspace_id, id)
);
create index role_rule_workspace_idx on role_rule (workspace_id);

create table member_role (
    workspace_id uuid        not null,
    user_id      uuid        not null,
    role_id      uuid        not null,
    assigned_at  timestamptz not null default now(),
    primary key (workspace_id, user_id, role_id),
    foreign key (workspace_id, user_id) references workspace_member (workspace_id, user_id) on delete cascade,
    foreign key (workspace_id, role_id) references workspace_role (workspace_id, id) on delete cascade
);
create index member_role_role_idx on member_role (role_id);
