import { deliverRecord, type TargetsSeen } from '../../lib/delivery/deliver';
import type { DeskproApi } from '../../lib/deskpro/types';
import type { QueueMessage } from '../../lib/queue/message';

const message = (number: string): QueueMessage => ({
  v: 1, target: { kind: 'person', email: 'ada@example.com' }, crm: { source: 'test' }, receivedAt: '2026-12-03T12:00:00.000Z',
  record: { type: 'phone', comment: '', data: { number, country_calling_code: '1', type: 'phone' } },
});

describe('deliverRecord with what the batch has seen', () => {
  it('counts a value added earlier in the batch as present, in another spelling too, without reading again', async () => {
    const calls: string[] = [];
    const deskpro = {
      findPersonByEmail: async () => { calls.push('find'); return { kind: 'person' as const, id: 7 }; },
      listContactData: async () => { calls.push('list'); return [{ id: 1, type: 'mobile', comment: '', data: { number: '(202) 555-0199', country_calling_code: '', type: 'mobile' } }]; },
      addContactData: async () => { calls.push('add'); return 2; },
    } as unknown as DeskproApi;
    const seen: TargetsSeen = new Map();
    const options = { deskpro, unmatchedPeople: 'skip' as const, defaultRegion: 'US' as const, seen };

    const outcomes = [
      await deliverRecord(message('2025550100'), options),
      await deliverRecord(message('202 555 0100'), options),
      await deliverRecord(message('2025550199'), options),
    ];

    expect(outcomes).toEqual(['delivered', 'duplicate', 'duplicate']);
    expect(calls).toEqual(['find', 'list', 'add']);
  });

  it('remembers an unmatched person for the batch, so its other records do not search again', async () => {
    let finds = 0;
    const deskpro = { findPersonByEmail: async () => { finds += 1; return undefined; } } as unknown as DeskproApi;
    const options = { deskpro, unmatchedPeople: 'skip' as const, seen: new Map() as TargetsSeen };

    expect([await deliverRecord(message('2025550100'), options), await deliverRecord(message('2025550101'), options)]).toEqual(['unmatched', 'unmatched']);
    expect(finds).toBe(1);
  });
});
