-- Usage per UTC day, member and model, kept up to date by the database as succeeded generations are audited, so the
-- usage page reads at most days × members × models rows instead of scanning the log (a million-entry workspace:
-- about a second per page view otherwise). Derived data, rebuildable from audit_log; the log itself never changes.
create table audit_usage_daily (
    workspace_id uuid   not null,
    day          date   not null,
    actor_id     uuid   not null,
    model        text   not null,
    -- the latest name the member was audited under
    actor_name   text,
    generations  bigint not null default 0,
    images       bigint not null default 0,
    cost_micros  bigint not null default 0,
    primary key (workspace_id, day, actor_id, model)
);

create function audit_usage_daily_add() returns trigger language plpgsql as $$
begin
    insert into audit_usage_daily as u (workspace_id, day, actor_id, model, actor_name, generations, images, cost_micros)
    values (new.workspace_id, (new.at at time zone 'UTC')::date, new.actor_id, coalesce(new.model, ''), new.actor_name,
            1, cardinality(new.image_ids), coalesce(new.cost_micros, 0))
    on conflict (workspace_id, day, actor_id, model) do update
        set generations = u.generations + 1,
            images      = u.images + excluded.images,
            cost_micros = u.cost_micros + excluded.cost_micros,
            actor_name  = excluded.actor_name;
    return null;
end
$$;

-- In the inserting transaction: a succeeded generation is counted exactly when its audit row exists.
create trigger audit_log_usage after insert on audit_log for each row
    when (new.category = 'generation' and new.status = 'succeeded' and new.workspace_id is not null
          and new.actor_id is not null)
    execute function audit_usage_daily_add();
