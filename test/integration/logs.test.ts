import { waitForDrain } from '../../lib/local/drain';
import type { LocalStack } from '../../lib/local/stack';
import { logger } from '../../lib/observability';
import { sendGeneric, startTestStack } from '../helpers/stack';

// The log promise, checked on what the code really writes: outcome lines for every path, and not
// one raw email, phone, street, handle or URL in any line.
describe('logs', () => {
  let stack: LocalStack;
  const lines: string[] = [];
  let restore: () => void;

  beforeAll(() => {
    const write = process.stdout.write.bind(process.stdout);
    const writeError = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    logger.setLogLevel('DEBUG');
    restore = () => {
      process.stdout.write = write;
      process.stderr.write = writeError;
      logger.setLogLevel('SILENT');
    };
  });
  afterAll(async () => {
    restore();
    await stack?.stop();
  });

  it('say what happened to each record without a single raw value', async () => {
    stack = await startTestStack();
    stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada.example@example.com' });
    stack.simulator!.failNext({ method: 'POST', path: /\/contact-details$/, status: 503, phase: 'before', times: 3 });
    stack.simulator!.failNext({ method: 'POST', path: /\/contact-details$/, status: 500, phase: 'after' });

    await sendGeneric(stack, [
      {
        kind: 'person', email: 'ada.example@example.com', crm: { source: 'test-crm' },
        phones: [{ number: '+1 202 555 0147' }], addresses: [{ street: '17 Example Way', city: 'Springfield', country: 'US' }],
        websites: [{ url: 'https://ada-example.example.com/about' }], twitter: [{ handle: '@ada_example_x' }],
        linkedin: [{ url: 'https://www.linkedin.com/in/ada-example-x' }], facebook: [{ url: 'https://www.facebook.com/ada.example.x' }],
        skype: [{ username: 'live:ada.example.x' }], instant_messages: [{ service: 'whatsapp', username: '+1 202 555 0148' }],
      },
      { kind: 'person', email: 'nobody.here@example.com', crm: { source: 'test-crm' }, phones: [{ number: '+1 202 555 0149' }, { number: 'not a number' }] },
    ]);
    await waitForDrain(stack.sqs.client, stack.sqs.recordsUrl, 30_000);

    const outcomes = lines.filter((line) => line.includes('"record outcome"')).map((line) => JSON.parse(line).outcome as string);
    // Three 503s use up the first record's rounds (retry); its next try stores it but answers 500,
    // and the re-read finds it (duplicate); the other seven go through; the stranger's two are unmatched.
    const tally = (name: string) => outcomes.filter((outcome) => outcome === name).length;
    expect({ retry: tally('retry'), duplicate: tally('duplicate'), delivered: tally('delivered'), unmatched: tally('unmatched'), all: outcomes.length })
      .toEqual({ retry: 1, duplicate: 1, delivered: 7, unmatched: 2, all: 11 });
    const text = lines.join('\n');
    for (const raw of ['ada.example@example.com', 'nobody.here', '2025550147', '202 555', 'Example Way', 'ada_example_x', 'ada-example-x', 'ada.example.x', 'ada-example.example.com', 'not a number']) {
      expect({ raw, found: text.includes(raw) }).toEqual({ raw, found: false });
    }
  });
});
