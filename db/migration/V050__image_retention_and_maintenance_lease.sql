-- Retention: images older than retention_days (0 = keep forever) are expired by a scheduled job. The row stays
-- (audit entries and generations still point at it), soft-deleted and marked expired, so its URLs answer
-- 410 Gone and views show "Image expired" instead of a broken image. The files are deleted.
alter table workspace_settings
    add column retention_days integer not null default 0 check (retention_days between 0 and 36500);

alter table image add column expired_at timestamptz;

create index image_retention_idx on image (workspace_id, created_at) where deleted_at is null;

-- Maintenance jobs (retention, storage cleaner) run on one instance at a time: each claims its row with a
-- conditional update and a lease, so a crashed instance's claim simply runs out.
create table maintenance_lease (
    name        text primary key,
    holder      uuid        not null,
    lease_until timestamptz not null
);
