-- Catalogue editing: the streaming capability and the cached-input rates (openai-images.md §9), so admins can keep
-- every published figure of a model in one place.
alter table image_model
    add column supports_streaming      boolean        not null default true,
    add column price_text_in_cached    numeric(12, 4) not null default 0 check (price_text_in_cached >= 0),
    add column price_image_in_cached   numeric(12, 4) not null default 0 check (price_image_in_cached >= 0),
    add constraint image_model_lifecycle_order check (deprecated_from is null or shutdown_on is null
                                                      or deprecated_from <= shutdown_on);

update image_model set price_text_in_cached = 1.25, price_image_in_cached = 2.00 where id in ('gpt-image-2', 'gpt-image-1.5');
update image_model set price_text_in_cached = 0.20, price_image_in_cached = 0.25 where id = 'gpt-image-1-mini';
update image_model set price_text_in_cached = 1.25, price_image_in_cached = 2.50 where id = 'gpt-image-1';
