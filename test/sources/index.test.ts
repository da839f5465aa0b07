import { PayloadError } from '../../lib/sources/errors';
import { generic } from '../../lib/sources/generic';
import { hubspot } from '../../lib/sources/hubspot';
import { findSource, sources } from '../../lib/sources';
import { pipedrive } from '../../lib/sources/pipedrive';
import type { SourceSettings } from '../../lib/sources/source';
import { jsonRequest, settings, thrownBy } from './support';

describe('sources', () => {
  it('registers hubspot, pipedrive and generic under their route names', () => {
    // Act / Assess
    expect(sources).toEqual({ hubspot, pipedrive, generic });
    for (const [name, source] of Object.entries(sources)) expect(source.name).toBe(name);
  });

  it('accepts only application/json from each CRM', () => {
    // Act / Assess
    for (const source of Object.values(sources)) expect(source.contentTypes).toEqual(['application/json']);
  });

  it('says which sources are configured', () => {
    // Prepare
    const none: SourceSettings = { publicUrl: 'https://hooks.example.com', hubspotPropertyMap: {} };

    // Act / Assess
    expect(Object.values(sources).map((source) => source.isConfigured(settings))).toEqual([true, true, true]);
    expect(Object.values(sources).map((source) => source.isConfigured(none))).toEqual([false, false, false]);
  });
});

describe('findSource', () => {
  it('finds a registered source by name', () => {
    // Act / Assess
    expect(findSource('pipedrive')).toBe(pipedrive);
  });

  it.each(['salesforce', 'HubSpot', 'constructor', 'toString', '__proto__', ''])('finds nothing for %j', (name) => {
    // Act / Assess
    expect(findSource(name)).toBeUndefined();
  });
});

describe('every source refuses an unreadable body with a PayloadError', () => {
  it.each([
    ['truncated JSON', Buffer.from('{"contacts": ['), 'body is not valid JSON', 'not valid JSON'],
    ['text that is not JSON', Buffer.from('email=ada%40example.com'), 'body is not valid JSON', 'not valid JSON'],
    ['an empty body', Buffer.alloc(0), 'body is empty', 'expected a JSON body'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'body is not valid UTF-8', 'not valid UTF-8'],
  ])('%s', (_case, body, message, detail) => {
    for (const source of Object.values(sources)) {
      // Act
      const error = thrownBy(() => source.parse(jsonRequest(body), settings));

      // Assess
      expect(error).toBeInstanceOf(PayloadError);
      expect(error).toMatchObject({ message, details: [{ path: '', message: detail }] });
    }
  });

  it.each([['null', 'null'], ['a number', '42'], ['a string', '"contacts"']])('a JSON %s', (_case, body) => {
    for (const source of Object.values(sources)) {
      // Act / Assess
      expect(thrownBy(() => source.parse(jsonRequest(body), settings))).toBeInstanceOf(PayloadError);
    }
  });
});
