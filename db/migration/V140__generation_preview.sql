-- The latest live preview of each running generation, shared through the database: a member whose job runs on
-- another instance sees its previews too (each instance's poll relays them to the views it serves). A row lives only
-- while its generation runs; the poll deletes the rows of finished ones.
create table generation_preview (
    generation_id uuid primary key references generation (id) on delete cascade,
    partial_index integer not null,
    jpeg bytea not null,
    version integer not null default 1,
    updated_at timestamptz not null
);
