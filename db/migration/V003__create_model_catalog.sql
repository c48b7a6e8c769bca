-- The image model catalogue: data, not code, so it can follow OpenAI's model lifecycle. Admins edit it later.
create table image_model (
    id                      text primary key check (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    label                   text        not null check (length(label) between 1 and 80),
    sort_order              integer     not null,
    enabled                 boolean     not null default true,
    is_default              boolean     not null default false,
    sizes                   text[]      not null,
    qualities               text[]      not null,
    supports_transparent    boolean     not null,
    max_reference_images    integer     not null check (max_reference_images between 0 and 16),
    supports_mask           boolean     not null,
    supports_input_fidelity boolean     not null,
    max_images              integer     not null default 10 check (max_images between 1 and 10),
    -- USD per one million tokens
    price_text_in           numeric(12, 4) not null check (price_text_in >= 0),
    price_image_in          numeric(12, 4) not null check (price_image_in >= 0),
    price_image_out         numeric(12, 4) not null check (price_image_out >= 0),
    price_text_out          numeric(12, 4) not null default 0 check (price_text_out >= 0),
    deprecated_from         date,
    shutdown_on             date,
    replacement             text,
    updated_at              timestamptz not null default now()
);
create unique index image_model_single_default on image_model (is_default) where is_default;

insert into image_model (id, label, sort_order, is_default, sizes, qualities, supports_transparent,
                         max_reference_images, supports_mask, supports_input_fidelity,
                         price_text_in, price_image_in, price_image_out, price_text_out,
                         deprecated_from, shutdown_on, replacement)
values
    -- Current model. OpenAI has not published separate token rates in our reference; gpt-image-1.5's are used
    -- until an admin enters the published ones.
    ('gpt-image-2', 'GPT Image 2', 10, true, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
     false, 16, true, true, 5.00, 8.00, 32.00, 10.00, null, null, null),
    ('gpt-image-1.5', 'GPT Image 1.5', 20, false, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
     true, 16, true, true, 5.00, 8.00, 32.00, 10.00, '2026-06-01', '2026-12-01', 'gpt-image-2'),
    ('gpt-image-1-mini', 'GPT Image 1 Mini', 30, false, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
     true, 16, true, false, 2.00, 2.50, 8.00, 0, '2026-06-01', '2026-12-01', 'gpt-image-2'),
    ('gpt-image-1', 'GPT Image 1', 40, false, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
     true, 16, true, true, 5.00, 10.00, 40.00, 0, '2025-12-16', '2026-10-23', 'gpt-image-2');
