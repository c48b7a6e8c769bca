-- Archived workspaces: members lose access at once, everything else (images, audit log, settings) is kept, and an
-- instance admin can restore the workspace. Membership lookups ignore archived workspaces.
alter table workspace add column archived_at timestamptz;
alter table workspace add column archived_by uuid references app_user (id) on delete set null;
