/**
 * `npm run send -- <event.json>...`: signs sample requests (events/<source>/*.json) with the local
 * secrets, as the CRM would, and posts them to a running `npm start` (or to SEND_URL).
 */
import { readFileSync } from 'node:fs';
import { applyLocalDefaults, localPublicUrl } from './defaults';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run send -- events/generic/contacts.json [more event files]');
    return 2;
  }
  const env = applyLocalDefaults();
  env.PUBLIC_URL = localPublicUrl(env);
  const { loadConfig } = await import('../config');
  const { WebhookEvent, signEvent } = await import('./sign-event');
  const { postWebhook } = await import('./post-webhook');
  const config = loadConfig(env);
  const target = env.SEND_URL?.trim() || config.sources.publicUrl!;
  let failures = 0;
  for (const file of files) {
    const event = WebhookEvent.parse(JSON.parse(readFileSync(file, 'utf8')));
    const { status, body } = await postWebhook(target, signEvent(event, config.sources, new Date()));
    console.log(`${status} ${file} ${JSON.stringify(body)}`);
    if (status >= 300) failures += 1;
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
