-- Instance-wide rights (editing the model catalogue), separate from administering a workspace. New installs grant
-- it to the first-start admin; an existing install grants it to the admins of its oldest workspace, which is the
-- one the first-start bootstrap created.
alter table app_user add column is_instance_admin boolean not null default false;

update app_user set is_instance_admin = true
where id in (select m.user_id
             from workspace_member m
             where m.is_admin
               and m.workspace_id = (select w.id from workspace w order by w.created_at, w.id limit 1));
