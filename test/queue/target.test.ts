import { sqsSafeJson } from '../../lib/queue/send';
import { foldName } from '../../lib/contact-data/identity';
import { deduplicationIdOf, groupIdOf, targetHash, targetOf } from '../../lib/queue/target';

const crm = { source: 'generic' };
const lists = { phones: [], addresses: [], websites: [], twitter: [], linkedin: [], facebook: [], skype: [], instant_messages: [] };

describe('queue target identity', () => {
  it('groups a person by lower-cased email', () => {
    const target = targetOf({ kind: 'person', email: 'Ada.Example@Example.com', name: 'Ada Example', crm, ...lists });
    expect(target).toEqual({ kind: 'person', email: 'ada.example@example.com', name: 'Ada Example' });
    expect(groupIdOf(target)).toBe('person:ada.example@example.com');
  });

  it('folds organization names and hashes a group id SQS would refuse', () => {
    expect(foldName('  Example   Widgets\tLtd ')).toBe('example widgets ltd');
    const target = targetOf({ kind: 'organization', name: 'Example Widgets Ltd', crm, ...lists });
    expect(groupIdOf(target)).toMatch(/^organization:sha256:[0-9a-f]{64}$/);
    expect(groupIdOf(target)).toBe(groupIdOf({ kind: 'organization', name: 'example  widgets LTD' }));
    expect(groupIdOf({ kind: 'organization', name: 'Examplecorp' })).toBe('organization:examplecorp');
  });

  it('gives the same deduplication id to the same target, type and key only', () => {
    const ada = { kind: 'person' as const, email: 'ada@example.com' };
    const id = deduplicationIdOf(ada, 'phone', 'phone:+12025550100');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(deduplicationIdOf({ ...ada, name: 'Ada' }, 'phone', 'phone:+12025550100')).toBe(id);
    expect(deduplicationIdOf(ada, 'phone', 'phone:+12025550101')).not.toBe(id);
    expect(deduplicationIdOf({ kind: 'person', email: 'bob@example.com' }, 'phone', 'phone:+12025550100')).not.toBe(id);
  });

  it('logs a target as a 12-character hash that does not contain the email', () => {
    const hash = targetHash({ kind: 'person', email: 'ada@example.com' });
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(hash).toBe(targetHash({ kind: 'person', email: 'ADA@example.com' }));
  });
});

describe('sqsSafeJson', () => {
  it('escapes what SQS (or its emulator) refuses and keeps the same JSON value', () => {
    const value = { name: 'x\uFFFEy\uFFFFz', emoji: 'Ada \u{1F600}!', plain: 'Exämple' };
    const text = sqsSafeJson(value);
    expect(text).toBe('{"name":"x\\ufffey\\uffffz","emoji":"Ada \\ud83d\\ude00!","plain":"Exämple"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
