import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { DeskproClient } from '../../lib/deskpro';
import { waitForDrain } from '../../lib/local/drain';
import type { LocalStack } from '../../lib/local/stack';
import { takeAll } from '../helpers/sqs';
import { contactDetailPosts, sendGeneric, startTestStack, storedRows } from '../helpers/stack';

const crm = { source: 'test-crm' };
let stack: LocalStack;
afterEach(async () => {
  await stack?.stop();
});

const drained = () => waitForDrain(stack.sqs.client, stack.sqs.recordsUrl, 30_000);

describe('webhook → SQS FIFO → worker → Deskpro', () => {
  it('turns one webhook into the exact form fields Deskpro receives, for all eight types', async () => {
    stack = await startTestStack();
    expect(stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' })).toBe(1);
    const orgId = stack.simulator!.addOrganization({ name: 'Example Widgets Ltd' });

    const answer = await sendGeneric(stack, [
      {
        kind: 'person', email: 'Ada@Example.com', name: 'Ada Example \u{1F600}', crm,
        phones: [{ number: '+44 20 7946 0321', kind: 'mobile', label: 'Mobile \u{1F4F1}' }],
        addresses: [{ street: ' 1 Example Way \n\n Suite 5 ', city: 'Holtsville', state: 'NY', zip: '00501', country: 'us', label: 'Home' }],
        twitter: [{ handle: 'https://x.com/ada_example?lang=en' }],
        linkedin: [{ url: 'uk.linkedin.com/in/Ada-Example/' }],
        facebook: [{ url: 'https://m.facebook.com/ada.example?fbclid=abc' }],
        skype: [{ username: ' live:ada.example ' }],
        instant_messages: [{ service: 'Google Talk', username: 'ada.example' }],
      },
      { kind: 'organization', name: 'Example Widgets Ltd', crm, websites: [{ url: 'Example.com/?utm_source=crm&page=2', label: 'Web' }] },
    ]);
    await drained();

    expect(answer).toEqual({ status: 202, body: { accepted: 2, records: 8, skipped: [] } });
    const posts = contactDetailPosts(stack, 201);
    // One target's records arrive one at a time, in the order of the contact's lists.
    expect(posts.filter((post) => post.path === '/api/people/1/contact-details').map((post) => post.fields)).toEqual([
      { type: 'phone', comment: 'Mobile \u{1F4F1}', 'data[number]': '2079460321', 'data[country_calling_code]': '44', 'data[type]': 'mobile' },
      { type: 'address', comment: 'Home', 'data[address]': '1 Example Way\nSuite 5', 'data[city]': 'Holtsville', 'data[state]': 'NY', 'data[zip]': '00501', 'data[country]': 'United States' },
      { type: 'twitter', comment: '', 'data[username]': 'ada_example', 'data[display_feed]': '0' },
      { type: 'linked_in', comment: '', 'data[profile_url]': 'https://www.linkedin.com/in/ada-example' },
      { type: 'facebook', comment: '', 'data[profile_url]': 'https://www.facebook.com/ada.example' },
      { type: 'skype', comment: '', 'data[username]': 'live:ada.example' },
      { type: 'instant_message', comment: '', 'data[service]': 'gtalk', 'data[username]': 'ada.example' },
    ]);
    expect(posts.filter((post) => post.path === `/api/organizations/${orgId}/contact-details`).map((post) => post.fields)).toEqual([
      { type: 'website', comment: 'Web', 'data[url]': 'https://example.com/?page=2' },
    ]);
    expect(posts).toHaveLength(8);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  });

  it('adds nothing when the same webhook or the same record is delivered again', async () => {
    stack = await startTestStack();
    const id = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    const contact = { kind: 'person', email: 'ada@example.com', crm, phones: [{ number: '+1 202 555 0100' }], websites: [{ url: 'https://example.com' }] };

    await sendGeneric(stack, [contact]);
    await drained();
    await sendGeneric(stack, [contact]);
    await drained();
    // A redelivery past SQS's 5-minute deduplication window: same record, new deduplication id.
    const [message] = await messagesFor(stack, contact);
    await stack.sqs.client.send(new SendMessageBatchCommand({
      QueueUrl: stack.sqs.recordsUrl,
      Entries: [{ Id: '1', MessageBody: message!, MessageGroupId: 'person:ada@example.com', MessageDeduplicationId: 'redelivered-1' }],
    }));
    await drained();

    expect(contactDetailPosts(stack)).toHaveLength(2);
    expect(storedRows(stack, 'person', id)).toEqual([
      { type: 'phone', comment: '', data: { country_calling_code: '1', number: '2025550100', type: 'phone' } },
      { type: 'website', comment: '', data: { url: 'https://example.com' } },
    ]);
  });

  it('does not add a value Deskpro already holds in another spelling', async () => {
    stack = await startTestStack();
    const id = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    stack.simulator!.addContactData('person', id, { type: 'phone', data: { number: '(202) 555-0100', country_calling_code: '', type: 'phone' } });
    stack.simulator!.addContactData('person', id, { type: 'website', data: { url: 'Example.com/' } });
    stack.simulator!.addContactData('person', id, { type: 'instant_message', data: { service: 'skype', username: 'Ada.Example' } });
    stack.simulator!.addContactData('person', id, { type: 'linked_in', data: { profile_url: 'http://linkedin.com/in/ada-example/' } });

    await sendGeneric(stack, [{
      kind: 'person', email: 'ada@example.com', crm,
      phones: [{ number: '+1 202-555-0100' }], websites: [{ url: 'https://example.com?utm_campaign=x' }],
      skype: [{ username: 'ada.example' }], linkedin: [{ url: 'https://www.linkedin.com/in/Ada-Example' }],
    }]);
    await drained();

    expect(contactDetailPosts(stack)).toEqual([]);
    expect(storedRows(stack, 'person', id)).toHaveLength(4);
  });

  it('ends with each record exactly once when Deskpro fails before storing (503) and after storing (500)', async () => {
    stack = await startTestStack();
    const id = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    stack.simulator!.failNext({ method: 'POST', path: /\/contact-details$/, status: 503, phase: 'before' });
    stack.simulator!.failNext({ method: 'POST', path: /\/contact-details$/, status: 500, phase: 'after' });

    await sendGeneric(stack, [{ kind: 'person', email: 'ada@example.com', crm, phones: [{ number: '+1 202 555 0100' }, { number: '+1 202 555 0101', kind: 'mobile' }] }]);
    await drained();

    expect(contactDetailPosts(stack).map((post) => post.status)).toEqual([503, 500, 201]);
    expect(storedRows(stack, 'person', id)).toEqual([
      { type: 'phone', comment: '', data: { country_calling_code: '1', number: '2025550100', type: 'phone' } },
      { type: 'phone', comment: '', data: { country_calling_code: '1', number: '2025550101', type: 'mobile' } },
    ]);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  });

  it.each([
    ['stores it at once but answers after the client gave up', 'after' as const],
    ['stores it only after the client gave up (the write was still in progress)', 'before' as const],
  ])('adds a record once when Deskpro %s', async (_case, phase) => {
    // A client that waits only 300 ms, so a slow Deskpro is a timeout without slowing the suite.
    stack = await startTestStack({
      worker: { deskpro: (deadline) => new DeskproClient({ baseUrl: stack.deskproUrl, apiKey: stack.deskproApiKey, timeoutMs: 300, deadline }) },
    });
    const id = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    // 'after': stored, then answered 800 ms later; 'before': stored only after 800 ms.
    stack.simulator!.failNext({ method: 'POST', path: /\/contact-details$/, phase, delayMs: 800 });

    await sendGeneric(stack, [{ kind: 'person', email: 'ada@example.com', crm, twitter: [{ handle: '@ada' }] }]);
    await drained();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the slow request is logged once answered

    expect(contactDetailPosts(stack)).toHaveLength(1);
    expect(storedRows(stack, 'person', id)).toEqual([{ type: 'twitter', comment: '', data: { username: 'ada' } }]);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  });

  it('loses nothing and duplicates nothing while a third of Deskpro writes fail', async () => {
    stack = await startTestStack();
    const emails = ['ada@example.com', 'grace@example.com', 'alan@example.com'];
    const ids = emails.map((email) => stack.simulator!.addPerson({ name: email, email }));
    stack.simulator!.failEvery({ method: 'POST', path: /\/contact-details$/, every: 3, status: 503, phase: 'before' });
    stack.simulator!.failEvery({ method: 'POST', path: /\/contact-details$/, every: 5, status: 502, phase: 'after' });
    stack.simulator!.failEvery({ method: 'GET', path: /\/contact-details$/, every: 4, status: 500, phase: 'before' });

    await sendGeneric(stack, emails.map((email, n) => ({
      kind: 'person', email, crm,
      phones: [{ number: `+1 202 555 01${n}1` }, { number: `+1 202 555 01${n}2` }],
      websites: [{ url: `https://example.com/${n}` }], twitter: [{ handle: `@user_${n}` }],
    })));
    await drained();

    const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
    for (const [n, id] of ids.entries()) {
      expect(sorted(storedRows(stack, 'person', id))).toEqual(sorted([
        { type: 'phone', comment: '', data: { country_calling_code: '1', number: `20255501${n}1`, type: 'phone' } },
        { type: 'phone', comment: '', data: { country_calling_code: '1', number: `20255501${n}2`, type: 'phone' } },
        { type: 'website', comment: '', data: { url: `https://example.com/${n}` } },
        { type: 'twitter', comment: '', data: { username: `user_${n}` } },
      ]));
    }
    expect(contactDetailPosts(stack).filter((post) => post.status >= 500).length).toBeGreaterThanOrEqual(4);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  });

  it('waits out a 429 until X-RateLimit-Reset, sends nothing before it, and delivers everything', async () => {
    stack = await startTestStack({ simulator: { rateLimit: { limit: 6, windowSeconds: 2 } } });
    const id = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    // Someone else spends the whole window first, so the worker's first call meets a real 429.
    for (let n = 0; n < 6; n += 1) {
      await fetch(`${stack.deskproUrl}/api/people/${id}`, { headers: { 'X-DeskPRO-API-Key': stack.deskproApiKey } });
    }

    await sendGeneric(stack, [{ kind: 'person', email: 'ada@example.com', crm, phones: [{ number: '+1 202 555 0100' }], websites: [{ url: 'https://example.com' }], twitter: [{ handle: 'ada' }] }]);
    await drained();

    const worker = stack.simulator!.requests.slice(6);
    expect(worker.map((request) => request.status).filter((status) => status === 429)).toEqual([429]);
    expect(worker[0]!.status).toBe(429);
    // Nothing was sent between the 429 and the reset it announced.
    const resetMs = Number(worker[0]!.headers['X-RateLimit-Reset']) * 1000;
    expect(worker.slice(1).every((request) => request.receivedAt >= resetMs)).toBe(true);
    expect(storedRows(stack, 'person', id)).toEqual([
      { type: 'phone', comment: '', data: { country_calling_code: '1', number: '2025550100', type: 'phone' } },
      { type: 'website', comment: '', data: { url: 'https://example.com' } },
      { type: 'twitter', comment: '', data: { username: 'ada' } },
    ]);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  }, 40_000);

  it('sends a record Deskpro refuses, and a message that does not parse, to the DLQ with their reasons while the rest of the batch lands', async () => {
    stack = await startTestStack();
    const ada = stack.simulator!.addPerson({ name: 'Ada Example', email: 'ada@example.com' });
    const grace = stack.simulator!.addPerson({ name: 'Grace Sample', email: 'grace@example.com' });
    const alan = stack.simulator!.addPerson({ name: 'Alan Specimen', email: 'alan@example.com' });
    const message = (email: string, record: unknown) => JSON.stringify({ v: 1, target: { kind: 'person', email }, record, crm, receivedAt: '2026-12-03T12:00:00.000Z' });
    const emptyAddress = { type: 'address', comment: '', data: { address: '', city: '', state: '', zip: '', country: '' } };

    await stack.sqs.client.send(new SendMessageBatchCommand({
      QueueUrl: stack.sqs.recordsUrl,
      Entries: [
        { Id: 'a', MessageGroupId: 'person:ada@example.com', MessageDeduplicationId: 'a', MessageBody: message('ada@example.com', { type: 'skype', comment: '', data: { username: 'ada' } }) },
        { Id: 'g', MessageGroupId: 'person:grace@example.com', MessageDeduplicationId: 'g', MessageBody: message('grace@example.com', emptyAddress) },
        { Id: 'x', MessageGroupId: 'person:x@example.com', MessageDeduplicationId: 'x', MessageBody: 'not json' },
        { Id: 'l', MessageGroupId: 'person:alan@example.com', MessageDeduplicationId: 'l', MessageBody: message('alan@example.com', { type: 'skype', comment: '', data: { username: 'alan' } }) },
      ],
    }));
    await drained();

    expect(storedRows(stack, 'person', ada)).toEqual([{ type: 'skype', comment: '', data: { username: 'ada' } }]);
    expect(storedRows(stack, 'person', alan)).toEqual([{ type: 'skype', comment: '', data: { username: 'alan' } }]);
    expect(storedRows(stack, 'person', grace)).toEqual([]);
    const dead = await takeAll(stack.sqs.client, stack.sqs.dlqUrl);
    expect(dead.map((entry) => entry.MessageAttributes?.reason?.StringValue).sort()).toEqual(['deskpro_rejected:invalid_argument.data', 'invalid_message:not_json']);
    expect(dead.map((entry) => entry.Body).sort()).toEqual([message('grace@example.com', emptyAddress), 'not json'].sort());
  });

  it('skips records of people Deskpro does not have when UNMATCHED_PEOPLE=skip', async () => {
    stack = await startTestStack();
    stack.simulator!.addPerson({ name: 'Nevada Decoy', email: 'nevada@example.com' });

    await sendGeneric(stack, [{ kind: 'person', email: 'ada@example.com', crm, phones: [{ number: '+1 202 555 0100' }] }]);
    await drained();

    expect(contactDetailPosts(stack)).toEqual([]);
    expect(stack.simulator!.people().map((person) => person.emails)).toEqual([['nevada@example.com']]);
    expect(await takeAll(stack.sqs.client, stack.sqs.dlqUrl)).toEqual([]);
  });

  it('creates a missing person once, even when the create answer is lost, when UNMATCHED_PEOPLE=create', async () => {
    stack = await startTestStack({ env: { UNMATCHED_PEOPLE: 'create' } });
    stack.simulator!.failNext({ method: 'POST', path: /^\/api\/people$/, status: 500, phase: 'after' });

    await sendGeneric(stack, [{ kind: 'person', email: 'ada@example.com', name: 'Ada Example', crm, phones: [{ number: '+1 202 555 0100' }], twitter: [{ handle: '@ada' }] }]);
    await drained();

    const people = stack.simulator!.people();
    expect(people.map(({ name, emails }) => ({ name, emails }))).toEqual([{ name: 'Ada Example', emails: ['ada@example.com'] }]);
    expect(storedRows(stack, 'person', people[0]!.id)).toEqual([
      { type: 'phone', comment: '', data: { country_calling_code: '1', number: '2025550100', type: 'phone' } },
      { type: 'twitter', comment: '', data: { username: 'ada' } },
    ]);
  });
});

/** The message bodies the webhook queues for `contact`, built by the same code path the handler uses. */
async function messagesFor(stack: LocalStack, contact: Record<string, unknown>): Promise<string[]> {
  const { acceptWebhook } = await import('../../lib/webhook/accept');
  const { signEvent } = await import('../../lib/local/sign-event');
  const request = signEvent({ source: 'generic', description: '', method: 'POST', query: '', headers: { 'content-type': 'application/json' }, body: { contacts: [contact] } as never }, stack.config.sources, new Date());
  return acceptWebhook('generic', request, { settings: stack.config.sources, now: new Date() }).messages.map((outgoing) => JSON.stringify(outgoing.message));
}
