-- Owned by workspace: who belongs to which workspace, and the names of the roles members hold, for the modules that
-- filter or group by them (audit, gallery). Read-only like user_directory (V160).
create view workspace_membership as
    select workspace_id, user_id, is_admin, joined_at from workspace_member;

create trigger workspace_membership_read_only instead of insert or update or delete on workspace_membership
    for each row execute function refuse_read_model_write();

create view member_role_name as
    select mr.workspace_id, mr.user_id, mr.role_id, wr.name as role_name
    from member_role mr
    join workspace_role wr on wr.id = mr.role_id and wr.workspace_id = mr.workspace_id;

create trigger member_role_name_read_only instead of insert or update or delete on member_role_name
    for each row execute function refuse_read_model_write();
