-- Honest prices: a model's rates are either OpenAI's published ones or an estimate (gpt-image-2's are gpt-image-1.5's,
-- copied until OpenAI's are entered). Costs computed from estimated rates are marked as such wherever they appear.
alter table image_model add column rates_estimated boolean not null default false;
update image_model set rates_estimated = true where id = 'gpt-image-2';

alter table generation add column cost_estimated boolean not null default false;
-- Adding a column rewrites no row, so the append-only triggers of audit_log are not involved.
alter table audit_log add column cost_estimated boolean not null default false;

-- The usage page says which part of a total is estimated.
alter table audit_usage_daily add column estimated_cost_micros bigint not null default 0;

create or replace function audit_usage_daily_add() returns trigger language plpgsql as $$
begin
    insert into audit_usage_daily as u (workspace_id, day, actor_id, model, actor_name, generations, images,
                                        cost_micros, estimated_cost_micros)
    values (new.workspace_id, (new.at at time zone 'UTC')::date, new.actor_id, coalesce(new.model, ''), new.actor_name,
            1, cardinality(new.image_ids), coalesce(new.cost_micros, 0),
            case when new.cost_estimated then coalesce(new.cost_micros, 0) else 0 end)
    on conflict (workspace_id, day, actor_id, model) do update
        set generations           = u.generations + 1,
            images                = u.images + excluded.images,
            cost_micros           = u.cost_micros + excluded.cost_micros,
            estimated_cost_micros = u.estimated_cost_micros + excluded.estimated_cost_micros,
            actor_name            = excluded.actor_name;
    return null;
end
$$;
