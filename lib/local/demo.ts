/**
 * `npm run demo`: starts the local stack, sends every sample webhook in events/ (signed with the
 * demo secrets), waits for the queue to drain, prints what reached Deskpro, and exits 0 only if
 * that is exactly events/deskpro/expected.json and the DLQ is empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLocalDefaults } from './defaults';

const EXPECTED_FILE = join(__dirname, '..', '..', 'events', 'deskpro', 'expected.json');

interface ExpectedTarget {
  kind: 'person' | 'organization';
  match: string;
  records: Array<{ type: string; comment: string; data: Record<string, string> }>;
}

async function main(): Promise<number> {
  applyLocalDefaults();
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  delete process.env.DESKPRO_URL; // the demo always runs against the embedded simulator
  const { startLocalStack } = await import('./stack');
  const { loadEvents, signEvent } = await import('./sign-event');
  const { postWebhook } = await import('./post-webhook');
  const { waitForDrain, queueDepth } = await import('./drain');
  const { DeskproClient } = await import('../deskpro');

  const stack = await startLocalStack({ port: 0 });
  try {
    console.log(`Sending the sample webhooks to ${stack.url}`);
    for (const { file, event } of loadEvents(join(__dirname, '..', '..', 'events'))) {
      const { status, body } = await postWebhook(stack.url, signEvent(event, stack.config.sources, new Date()));
      console.log(`  ${String(status).padEnd(4)} ${file.padEnd(40)} ${JSON.stringify(body)}`);
    }
    await waitForDrain(stack.sqs.client, stack.sqs.recordsUrl, 60_000);
    const deadLettered = await queueDepth(stack.sqs.client, stack.sqs.dlqUrl);

    const deskpro = new DeskproClient({ baseUrl: stack.deskproUrl, apiKey: stack.deskproApiKey });
    const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as { targets: ExpectedTarget[] };
    const problems: string[] = [];
    console.log('\nWhat Deskpro holds now:');
    for (const target of expected.targets) {
      const found = target.kind === 'person' ? await deskpro.findPersonByEmail(target.match) : await deskpro.findOrganizationByName(target.match);
      if (!found) {
        problems.push(`${target.match}: not found in Deskpro`);
        continue;
      }
      const rows = (await deskpro.listContactData(found)).map(({ type, comment, data }) => ({ type, comment, data }));
      console.log(`\n  ${target.kind} ${target.match} (#${found.id})`);
      for (const row of rows) console.log(`    ${row.type.padEnd(16)} ${(row.comment || '-').padEnd(12)} ${Object.values(row.data).filter(Boolean).join(' | ').replace(/\n/g, ' / ')}`);
      // Each expected record must match one stored row on every field we send; no row may be left over.
      const unmatched = [...rows];
      for (const record of target.records) {
        const index = unmatched.findIndex((row) => row.type === record.type && row.comment === record.comment
          && Object.entries(record.data).every(([key, value]) => row.data[key] === value));
        if (index === -1) problems.push(`${target.match}: missing ${JSON.stringify(record)}`);
        else unmatched.splice(index, 1);
      }
      for (const extra of unmatched) problems.push(`${target.match}: unexpected ${JSON.stringify(extra)}`);
    }
    if (deadLettered > 0) problems.push(`${deadLettered} record(s) in the DLQ`);

    if (problems.length > 0) {
      console.error(`\nDemo FAILED:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
      return 1;
    }
    const total = expected.targets.reduce((sum, target) => sum + target.records.length, 0);
    console.log(`\nDemo OK: Deskpro holds exactly the ${total} expected records for ${expected.targets.length} targets; the DLQ is empty.`);
    return 0;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
