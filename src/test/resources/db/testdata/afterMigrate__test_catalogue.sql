-- Catalogue rows the tests own (Flyway runs this after every migrate of a test database). They have no lifecycle
-- dates, so no test depends on the day it runs; the seeded models of db/migration follow OpenAI's real shutdown dates.
-- test-image-a has gpt-image-1.5's capabilities and rates; test-image-b is the cheap one without input fidelity.
insert into image_model (id, label, sort_order, sizes, qualities, supports_transparent, max_reference_images,
                         supports_mask, supports_input_fidelity, price_text_in, price_image_in, price_image_out,
                         price_text_out, price_text_in_cached, price_image_in_cached)
values ('test-image-a', 'Test Image A', 15, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
        true, 16, true, true, 5.00, 8.00, 32.00, 10.00, 1.25, 2.00),
       ('test-image-b', 'Test Image B', 25, '{auto,1024x1024,1536x1024,1024x1536}', '{auto,low,medium,high}',
        true, 16, true, false, 2.00, 2.50, 8.00, 0, 0.20, 0.25)
on conflict (id) do nothing;
