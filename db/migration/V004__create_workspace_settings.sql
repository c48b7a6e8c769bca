-- Per-workspace settings: the encrypted OpenAI key and the defaults that apply when a member has not chosen.
create table workspace_settings (
    workspace_id        uuid primary key references workspace (id) on delete cascade,
    -- AES-256-GCM: ciphertext + tag, 96-bit nonce, master-key version; the plaintext never reaches the database.
    api_key_ciphertext  bytea,
    api_key_nonce       bytea,
    api_key_version     integer,
    api_key_last4       text,
    api_key_set_by      uuid references app_user (id) on delete set null,
    api_key_set_at      timestamptz,
    default_model       text,
    default_size        text        not null default 'auto',
    default_quality     text        not null default 'auto',
    default_format      text        not null default 'png' check (default_format in ('png', 'jpeg', 'webp')),
    default_background  text        not null default 'auto' check (default_background in ('auto', 'opaque', 'transparent')),
    admin_exempt_from_cooldown boolean not null default true,
    version             integer     not null default 0,
    updated_at          timestamptz not null default now(),
    constraint workspace_settings_key_complete check (
        (api_key_ciphertext is null) = (api_key_nonce is null)
        and (api_key_ciphertext is null) = (api_key_version is null))
);

insert into workspace_settings (workspace_id) select id from workspace;
