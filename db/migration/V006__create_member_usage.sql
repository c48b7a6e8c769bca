-- Per (workspace, member) usage that admission consumes atomically: the time of the last counted generation
-- (cooldown), and the generations and spend counted in the UTC day and month of that time (quotas, budget).
create table member_usage (
    workspace_id        uuid        not null references workspace (id) on delete cascade,
    user_id             uuid        not null references app_user (id) on delete cascade,
    last_counted_at     timestamptz,
    day_count           integer     not null default 0,
    month_count         integer     not null default 0,
    month_spent_micros  bigint      not null default 0,
    primary key (workspace_id, user_id)
);

alter table generation add column admitted_at timestamptz;
alter table generation add column usage_prev_counted_at timestamptz;
