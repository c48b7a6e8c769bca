-- Gallery: who deleted an image (an admin may delete a member's image; the file stays until the cleaner removes it),
-- and an index for the "only mine" / one-member filter so it reads that member's newest images directly instead of
-- walking the whole workspace.
alter table image add column deleted_by uuid references app_user (id);

create index image_owner_created_idx on image (workspace_id, owner_id, created_at desc, id desc)
    where role = 'result' and deleted_at is null;
