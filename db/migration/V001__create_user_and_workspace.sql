-- People who can log in. Usernames are unique regardless of case.
create table app_user (
    id                   uuid primary key default gen_random_uuid(),
    username             text        not null check (length(username) between 1 and 64),
    display_name         text        not null check (length(display_name) between 1 and 100),
    password_hash        text        not null,
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    last_workspace_id    uuid,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create unique index app_user_username_lower_uk on app_user (lower(username));

-- A team: its own key, defaults, roles, images and audit log.
create table workspace (
    id         uuid primary key default gen_random_uuid(),
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now()
);
create unique index workspace_name_lower_uk on workspace (lower(name));

create table workspace_member (
    workspace_id uuid        not null references workspace (id) on delete cascade,
    user_id      uuid        not null references app_user (id) on delete cascade,
    is_admin     boolean     not null default false,
    joined_at    timestamptz not null default now(),
    primary key (workspace_id, user_id)
);
create index workspace_member_user_idx on workspace_member (user_id);

alter table app_user
    add constraint app_user_last_workspace_fk foreign key (last_workspace_id) references workspace (id) on delete set null;
