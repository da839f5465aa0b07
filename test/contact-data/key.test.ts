import fc from 'fast-check';
import { CrmContact } from '../../lib/contact-data/contact';
import { comparableKey, keyOfStored } from '../../lib/contact-data/key';
import { normalizeContact } from '../../lib/contact-data/normalize';
import type { ContactRecord } from '../../lib/contact-data/record';
import type { StoredContactData } from '../../lib/deskpro/types';

const stored = (type: string, data: Record<string, string>): StoredContactData => ({ id: 7, type, comment: 'Work', data });

describe('comparableKey', () => {
  it.each<[ContactRecord, string]>([
    [{ type: 'phone', comment: '', data: { number: '2079460321', country_calling_code: '44', type: 'phone' } }, 'phone:+442079460321'],
    [{ type: 'phone', comment: '', data: { number: '2025550100 ext. 12', country_calling_code: '1', type: 'mobile' } }, 'phone:+12025550100;ext=12'],
    [{ type: 'phone', comment: '', data: { number: '555-0100 x12', country_calling_code: '', type: 'phone' } }, 'phone:555010012'],
    [{ type: 'website', comment: '', data: { url: 'https://www.example.com/about/' } }, 'website:example.com/about'],
    [{ type: 'twitter', comment: '', data: { username: 'Jane_Doe', display_feed: '0' } }, 'twitter:jane_doe'],
    [{ type: 'linked_in', comment: '', data: { profile_url: 'https://www.linkedin.com/in/jane-doe' } }, 'linked_in:https://www.linkedin.com/in/jane-doe'],
    [{ type: 'facebook', comment: '', data: { profile_url: 'https://www.facebook.com/Jane.Doe' } }, 'facebook:https://www.facebook.com/jane.doe'],
    [{ type: 'skype', comment: '', data: { username: 'Jane.Doe' } }, 'skype:jane.doe'],
    [{ type: 'instant_message', comment: '', data: { service: 'skype', username: 'jane.doe' } }, 'skype:jane.doe'],
    [{ type: 'instant_message', comment: '', data: { service: 'icq', username: '123456789' } }, 'icq:123456789'],
    [
      { type: 'address', comment: '', data: { address: '12 Example Road', city: 'Springfield', state: 'IL', zip: '62701', country: 'United States' } },
      'address:12 example road|springfield|il|62701|US',
    ],
  ])('keys %j as %s', (record, expected) => {
    // Act
    const key = comparableKey(record, 'US');

    // Assess
    expect(key).toBe(expected);
  });

  it('reads a phone without calling code in the default region', () => {
    // Prepare
    const record: ContactRecord = { type: 'phone', comment: '', data: { number: '(202) 555-0100', country_calling_code: '', type: 'phone' } };

    // Act
    const withRegion = comparableKey(record, 'US');
    const withoutRegion = comparableKey(record);

    // Assess
    expect(withRegion).toBe('phone:+12025550100');
    expect(withoutRegion).toBe('phone:2025550100');
  });

  it('ignores the comment', () => {
    // Prepare
    const data = { username: 'jane.doe' };

    // Act
    const work = comparableKey({ type: 'skype', comment: 'Work', data });
    const home = comparableKey({ type: 'skype', comment: 'Home', data });

    // Assess
    expect(work).toBe(home);
  });
});

describe('keyOfStored', () => {
  it.each<[string, StoredContactData, ContactRecord]>([
    [
      'a website with the http:// Deskpro prepends and a trailing slash',
      stored('website', { url: 'http://example.com/' }),
      { type: 'website', comment: '', data: { url: 'https://example.com' } },
    ],
    [
      'a website with www. and tracking parameters',
      stored('website', { url: 'http://www.example.com/?utm_source=crm' }),
      { type: 'website', comment: '', data: { url: 'https://example.com' } },
    ],
    [
      'a phone in national format beside its calling code',
      stored('phone', { country_calling_code: '1', number: '(202) 555-0100', type: 'phone' }),
      { type: 'phone', comment: '', data: { number: '2025550100', country_calling_code: '1', type: 'phone' } },
    ],
    [
      'a phone of the legacy type mobile, with trunk prefix and a +-prefixed code',
      stored('mobile', { country_calling_code: '+44', number: '020 7946 0321' }),
      { type: 'phone', comment: '', data: { number: '2079460321', country_calling_code: '44', type: 'mobile' } },
    ],
    [
      'a phone with an extension in another notation',
      stored('Phone', { country_calling_code: '1', number: '202-555-0100 x12', type: 'phone' }),
      { type: 'phone', comment: '', data: { number: '2025550100 ext. 12', country_calling_code: '1', type: 'phone' } },
    ],
    [
      'a phone without calling code, read in the default region',
      stored('phone', { country_calling_code: '', number: '202.555.0100', type: 'phone' }),
      { type: 'phone', comment: '', data: { number: '2025550100', country_calling_code: '1', type: 'phone' } },
    ],
    [
      'a skype id stored as an IM on skype',
      stored('instant_message', { service: 'Skype', username: 'Jane.Doe' }),
      { type: 'skype', comment: '', data: { username: 'jane.doe' } },
    ],
    [
      'an upper-case linkedin row with a country host',
      stored('LINKEDIN', { profile_url: 'http://uk.linkedin.com/in/Jane-Doe/', display: 'Jane-Doe' }),
      { type: 'linked_in', comment: '', data: { profile_url: 'https://www.linkedin.com/in/jane-doe' } },
    ],
    [
      'a facebook row without www',
      stored('facebook', { profile_url: 'https://facebook.com/Jane.Doe', display: 'Jane.Doe' }),
      { type: 'facebook', comment: '', data: { profile_url: 'https://www.facebook.com/jane.doe' } },
    ],
    [
      'a twitter handle stored with @',
      stored('twitter', { username: '@Jane_Doe' }),
      { type: 'twitter', comment: '', data: { username: 'jane_doe', display_feed: '0' } },
    ],
    [
      'an address with its country as a code and other spacing',
      stored('address', { address: '12  Example Road', city: 'springfield', state: 'IL', zip: '62701', country: 'US' }),
      { type: 'address', comment: '', data: { address: '12 Example Road', city: 'Springfield', state: 'IL', zip: '62701', country: 'United States' } },
    ],
  ])('matches %s', (_case, row, ours) => {
    // Act
    const theirs = keyOfStored(row, 'US');
    const mine = comparableKey(ours, 'US');

    // Assess
    expect(theirs).toBe(mine);
  });

  it('keys a stored phone to its E.164 form', () => {
    // Act
    const key = keyOfStored(stored('fax', { country_calling_code: '44', number: '020 7946 0999' }));

    // Assess
    expect(key).toBe('phone:+442079460999');
  });

  it.each([
    ['an empty website, stored by Deskpro as http://', stored('website', { url: 'http://' })],
    ['a phone without number', stored('phone', { country_calling_code: '', number: '', type: 'phone' })],
    ['a phone row missing its data', stored('phone', {})],
    ['an address with no part', stored('address', { address: '', city: '', state: '', zip: '', country: '' })],
    ['a twitter row that is no handle', stored('twitter', { username: 'jane doe' })],
    ['a type Deskpro has no handler for', stored('im', { service: 'aim', username: 'jane' })],
    ['a type named like an object property', stored('constructor', {})],
  ])('cannot key %s', (_case, row) => {
    // Act
    const key = keyOfStored(row, 'US');

    // Assess
    expect(key).toBeUndefined();
  });
});

describe('our records read back from Deskpro', () => {
  // Values mixing real-looking pieces with arbitrary text, so most of them normalize to something.
  const piece = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.webUrl({ withQueryParameters: true }),
    fc.constantFrom('+1 202 555 0100', '020 7946 0321', 'tel:', '00', ' ext. 7', 'x.com/', 'fb.com/', 'linkedin.com/in/',
      'skype:', 'live:', '?utm_source=a', 'United States', 'GB', '.', '@', '/', '\n'),
  );
  const value = fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('').slice(0, 100));

  it('key the same as they did when we built them', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 9, maxLength: 9 }), fc.constantFrom(undefined, 'US', 'GB'), (v, region) => {
        // Prepare
        const contact = CrmContact.parse({
          kind: 'person', email: 'jane.doe@example.com', crm: { source: 'generic' },
          phones: [{ number: v[0] }], addresses: [{ street: v[1], country: v[2] }], websites: [{ url: v[3] }],
          twitter: [{ handle: v[4] }], linkedin: [{ url: v[5] }], facebook: [{ url: v[6] }], skype: [{ username: v[7] }],
          instant_messages: [{ service: 'skype', username: v[8] }],
        });
        const { records } = normalizeContact(contact, { defaultRegion: region });

        for (const record of records) {
          // Act
          const theirs = keyOfStored({ type: record.type, data: record.data }, region);

          // Assess
          expect(theirs).toBe(comparableKey(record, region));
        }
      }),
      { numRuns: 300 },
    );
  });
});
