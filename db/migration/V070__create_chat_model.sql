-- Chat ("mainline") models are catalogue data like image models: conversation turns send one of them to the
-- Responses API, and OpenAI retires them on its own schedule (openai-images.md §1, §7.1). A shut-down chat model is
-- never sent: turns move to its replacement.
create table chat_model (
    id                  text primary key check (id ~ '^[a-z0-9][a-z0-9._:-]{0,63}$' and id !~ '^(gpt-image|dall-e)'),
    label               text        not null check (length(label) between 1 and 80),
    sort_order          integer     not null,
    enabled             boolean     not null default true,
    is_default          boolean     not null default false,
    -- documented as able to call the image_generation tool (§7.1); only such models drive conversation turns
    supports_image_tool boolean     not null default true,
    deprecated_from     date,
    shutdown_on         date,
    replacement         text references chat_model (id),
    updated_at          timestamptz not null default now(),
    constraint chat_model_lifecycle_order check (deprecated_from is null or shutdown_on is null
                                                 or deprecated_from <= shutdown_on),
    constraint chat_model_not_its_own_replacement check (replacement is null or replacement <> id)
);
create unique index chat_model_single_default on chat_model (is_default) where is_default;

-- Current models first, so the replacements exist before the models that point at them.
insert into chat_model (id, label, sort_order, is_default, supports_image_tool, shutdown_on, replacement)
values ('gpt-5.4-mini', 'GPT-5.4 mini', 10, true, true, null, null),
       ('gpt-5.4', 'GPT-5.4', 20, false, true, null, null),
       ('gpt-5.4-nano', 'GPT-5.4 nano', 30, false, true, null, null),
       ('gpt-5.5', 'GPT-5.5', 40, false, true, null, null),
       ('gpt-5.2', 'GPT-5.2', 50, false, true, null, null),
       ('gpt-5', 'GPT-5', 100, false, true, '2026-12-11', 'gpt-5.4'),
       -- not in OpenAI's list of models that can call the image tool (§7.1)
       ('gpt-5-mini', 'GPT-5 mini', 110, false, false, '2026-12-11', 'gpt-5.4-mini'),
       ('gpt-5-nano', 'GPT-5 nano', 120, false, true, '2026-12-11', 'gpt-5.4-nano'),
       ('o3', 'o3', 130, false, true, '2026-12-11', 'gpt-5.4'),
       ('gpt-4o', 'GPT-4o', 140, false, true, '2027-01-14', 'gpt-5.4'),
       ('gpt-4o-mini', 'GPT-4o mini', 150, false, true, '2027-01-14', 'gpt-5.4-mini'),
       ('gpt-4.1', 'GPT-4.1', 160, false, true, '2027-01-14', 'gpt-5.4'),
       ('gpt-4.1-mini', 'GPT-4.1 mini', 170, false, true, '2027-01-14', 'gpt-5.4-mini');

-- Workspaces that typed another chat model keep it: it becomes a catalogue row an instance admin can edit.
insert into chat_model (id, label, sort_order, supports_image_tool)
select distinct lower(mainline_model), lower(mainline_model), 900, true from workspace_settings
where lower(mainline_model) ~ '^[a-z0-9][a-z0-9._:-]{0,63}$'
on conflict (id) do nothing;
update workspace_settings set mainline_model = lower(mainline_model) where mainline_model <> lower(mainline_model);

-- New workspaces start on a current model. Workspaces still on gpt-5 see the shutdown notice and move to its
-- replacement on the shutdown date at the latest (audited), like every other use of a retiring model.
alter table workspace_settings
    alter column mainline_model set default 'gpt-5.4-mini',
    add constraint workspace_settings_mainline_model_fk foreign key (mainline_model) references chat_model (id);

-- Why a conversation turn became a direct edit: OpenAI no longer had the conversation, or its chat model was shut
-- down with nothing offered to replace it (a turn never fails for a date).
alter table generation add column fallback_reason text
    check (fallback_reason in ('conversation_expired', 'chat_model_shut_down'));
update generation set fallback_reason = 'conversation_expired' where conversation_fallback;
