-- gpt-image-2 takes any WIDTHxHEIGHT within OpenAI's limits (openai-images.md §1), a model capability; a role rule
-- can allow such custom sizes up to a pixel count beside its listed sizes (0: none).
alter table image_model add column supports_custom_sizes boolean not null default false;
update image_model set supports_custom_sizes = true where id = 'gpt-image-2';

alter table role_rule add column custom_size_max_pixels integer not null default 0
    check (custom_size_max_pixels between 0 and 8294400);
