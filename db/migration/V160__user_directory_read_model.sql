-- Read models: an owner's rows under a stable name that other modules may join (TableOwnershipTest lists them as
-- published). A plain view is inlined by the planner, so a page that shows names keeps its one query. Writes go
-- through the owner's API: the database refuses them on the view.
create function refuse_read_model_write() returns trigger language plpgsql as $$
begin
    raise exception '% is a read model; change it through the module that owns it', tg_table_name;
end
$$;

-- Owned by security: who an account is, as other modules show and filter it (never the password hash).
create view user_directory as
    select id, username, display_name, enabled, must_change_password from app_user;

create trigger user_directory_read_only instead of insert or update or delete on user_directory
    for each row execute function refuse_read_model_write();
