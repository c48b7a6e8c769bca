// Drives ImGen Studio's images API with the official `openai` npm package, as a user's script would.
// Run by studio.imgen.api.OpenAiNodeClientTest with OPENAI_BASE_URL, the tokens and an image to edit in the
// environment; prints one JSON line per step for the test to check. Never prints a token.
import fs from 'node:fs';
import OpenAI, { toFile } from 'openai';

const baseURL = process.env.OPENAI_BASE_URL;
const client = (apiKey) => new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000 });
const report = (step, result) => console.log(JSON.stringify({ step, ...result }));
const failure = (e) => ({
  status: e.status ?? null,
  code: e.code ?? null,
  type: e.type ?? null,
  message: e.error?.message ?? e.message,
  retryAfter: e.headers?.get?.('retry-after') ?? null,
});
const pngBytes = (b64) => Buffer.from(b64, 'base64').subarray(1, 4).toString('latin1');

async function step(name, action) {
  try {
    report(name, { ok: true, ...(await action()) });
  } catch (e) {
    report(name, { ok: false, ...failure(e) });
  }
}

const open = client(process.env.TOKEN_OPEN);
const limited = client(process.env.TOKEN_LIMITED);

await step('generate', async () => {
  const r = await open.images.generate({ prompt: 'a lighthouse at dusk', model: 'test-image-a', size: '1024x1024' });
  return { images: r.data.length, magic: pngBytes(r.data[0].b64_json), outputFormat: r.output_format };
});

await step('stream', async () => {
  const stream = await open.images.generate({ prompt: 'a paper boat', model: 'test-image-a', stream: true,
    partial_images: 2 });
  const events = [];
  for await (const event of stream) {
    events.push(event.type === 'image_generation.partial_image'
      ? `${event.type} ${event.partial_image_index}` : event.type);
  }
  return { events };
});

await step('edit', async () => {
  const image = await toFile(fs.readFileSync(process.env.IMAGE_PATH), 'sky.png', { type: 'image/png' });
  const r = await open.images.edit({ image, prompt: 'make the sky purple', model: 'test-image-a' });
  return { images: r.data.length, magic: pngBytes(r.data[0].b64_json) };
});

await step('models', async () => {
  const page = await open.models.list();
  return { ids: page.data.map((m) => m.id), shutdownDates: page.data.map((m) => m.shutdown_date ?? null) };
});

await step('refused-size', async () => {
  await limited.images.generate({ prompt: 'a wide view', model: 'test-image-b', size: '1536x1024' });
  return {};
});

await step('first-allowed', async () => {
  const r = await limited.images.generate({ prompt: 'a small view', model: 'test-image-b', size: '1024x1024' });
  return { images: r.data.length };
});

await step('cooldown', async () => {
  await limited.images.generate({ prompt: 'another view', model: 'test-image-b', size: '1024x1024' });
  return {};
});

await step('revoked', async () => {
  await client(process.env.TOKEN_REVOKED).models.list();
  return {};
});
