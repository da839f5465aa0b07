import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEvents, signEvent, WebhookEvent } from '../../lib/local/sign-event';
import { findSource } from '../../lib/sources';
import { EVENTS_DIR, NOW, settings, thrownBy } from './support';

describe('loadEvents', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'events-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: string, content: unknown) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  const event = { source: 'generic', description: 'd', body: { contacts: [] } };

  it('reads every JSON file below the folder, sorted, except deskpro/', () => {
    // Prepare
    write('pipedrive/b.json', event);
    write('hubspot/nested/a.json', event);
    write('generic/c.json', event);
    write('deskpro/people.json', { not: 'an event' });
    write('hubspot/README.md', '# notes');

    // Act
    const files = loadEvents(dir).map((loaded) => loaded.file);

    // Assess
    expect(files).toEqual(['generic/c.json', 'hubspot/nested/a.json', 'pipedrive/b.json']);
  });

  it('fills in the defaults of an event file', () => {
    // Prepare
    write('generic/c.json', event);

    // Act
    const [loaded] = loadEvents(dir);

    // Assess
    expect(loaded?.event).toEqual({ ...event, method: 'POST', query: '', headers: {} });
  });

  it.each([
    ['both body and bodyText', { ...event, bodyText: '{}' }],
    ['neither body nor bodyText', { source: 'generic', description: 'd' }],
    ['no source', { description: 'd', body: {} }],
  ])('names the file that has %s', (_case, content) => {
    // Prepare
    write('generic/bad.json', content);

    // Act
    const error = thrownBy(() => loadEvents(dir));

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^generic\/bad\.json is not a webhook event/);
  });

  it('names a file that is not JSON', () => {
    // Prepare
    write('generic/bad.json', '{ "source": ');

    // Act / Assess
    expect(() => loadEvents(dir)).toThrow('generic/bad.json is not valid JSON');
  });

  it('finds the project fixtures', () => {
    // Act
    const files = loadEvents(EVENTS_DIR).map((loaded) => loaded.file);

    // Assess
    expect(files).toEqual(
      expect.arrayContaining([
        'generic/contacts.json',
        'hubspot/workflow-contact.json',
        'hubspot/workflow-unicode-escapes.json',
        'pipedrive/person-v1-added.json',
        'pipedrive/person-v2-change.json',
      ]),
    );
    expect(files.filter((file) => file.startsWith('deskpro/'))).toEqual([]);
  });
});

describe('signEvent', () => {
  it.each(loadEvents(EVENTS_DIR).map((loaded) => [loaded.file, loaded.event] as const))(
    '%s passes its own source verification',
    (_file, event) => {
      // Act
      const request = signEvent(event, settings, NOW);

      // Assess
      expect(findSource(event.source)).toBeDefined();
      expect(() => findSource(event.source)?.verify(request, settings, NOW)).not.toThrow();
    },
  );

  it('sends bodyText byte for byte, to /webhooks/<source>, with lower-cased headers', () => {
    // Prepare
    const event = WebhookEvent.parse({
      source: 'hubspot',
      description: 'd',
      query: 'a=1',
      headers: { 'Content-Type': 'application/json', 'X-Extra': 'yes' },
      bodyText: '{"vid": 1,  "name":"Ex\\u00e4mple"}',
    });

    // Act
    const request = signEvent(event, settings, NOW);

    // Assess
    expect(request).toMatchObject({ method: 'POST', path: '/webhooks/hubspot', rawQuery: 'a=1' });
    expect(request.body.toString('utf8')).toBe('{"vid": 1,  "name":"Ex\\u00e4mple"}');
    expect(Object.keys(request.headers).sort()).toEqual([
      'content-type',
      'x-extra',
      'x-hubspot-request-timestamp',
      'x-hubspot-signature-v3',
    ]);
  });

  it('sends body as compact JSON', () => {
    // Prepare
    const event = WebhookEvent.parse({ source: 'pipedrive', description: 'd', body: { v: 1, meta: { object: 'person' } } });

    // Act
    const request = signEvent(event, settings, NOW);

    // Assess
    expect(request.body.toString('utf8')).toBe('{"v":1,"meta":{"object":"person"}}');
  });

  it('refuses a source it cannot sign for', () => {
    // Prepare
    const event = WebhookEvent.parse({ source: 'salesforce', description: 'd', bodyText: '<xml/>' });

    // Act / Assess
    expect(() => signEvent(event, settings, NOW)).toThrow('no signer for source "salesforce"');
  });

  it('refuses to sign without the source secret', () => {
    // Prepare
    const event = WebhookEvent.parse({ source: 'pipedrive', description: 'd', body: {} });

    // Act / Assess
    expect(() => signEvent(event, { ...settings, pipedriveBasicAuth: undefined }, NOW)).toThrow('PIPEDRIVE_BASIC_AUTH is not configured');
  });
});
