import { collectionItems, toId } from '../../lib/deskpro/collections';
import { foldEmail, foldName } from '../../lib/contact-data/identity';
import { personEmails } from '../../lib/deskpro/match';

describe('collectionItems', () => {
  it('reads a collection keyed by id', () => {
    expect(collectionItems({ '4': { id: 4 }, '9': { id: 9 } })).toEqual([{ id: 4 }, { id: 9 }]);
  });

  it('reads the [] Deskpro sends for an empty collection, and a plain array', () => {
    expect(collectionItems([])).toEqual([]);
    expect(collectionItems([{ id: 1 }])).toEqual([{ id: 1 }]);
  });

  it('refuses anything that is not a collection', () => {
    expect(collectionItems(undefined)).toBeUndefined();
    expect(collectionItems(null)).toBeUndefined();
    expect(collectionItems('[]')).toBeUndefined();
  });
});

describe('toId', () => {
  it('accepts positive integers and digit strings only', () => {
    expect([toId(7), toId('12'), toId(0), toId(-1), toId(1.5), toId('7a'), toId(null)]).toEqual([
      7,
      12,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('personEmails', () => {
  it('reads primary_email and emails as strings', () => {
    expect(personEmails({ primary_email: 'jo@example.com', emails: ['jo@example.com', 'jo.work@example.com'] })).toEqual([
      'jo@example.com',
      'jo@example.com',
      'jo.work@example.com',
    ]);
  });

  it('reads objects with email, in arrays and in collections keyed by id', () => {
    const person = {
      primary_email: { id: 3, email: 'jo@example.com' },
      emails: { '3': { id: 3, email: 'jo@example.com' }, '8': { id: 8, email: 'jo.home@example.com' } },
    };
    expect(personEmails(person)).toEqual(['jo@example.com', 'jo@example.com', 'jo.home@example.com']);
  });

  it('reads an empty [] collection and missing fields as no email', () => {
    expect(personEmails({ emails: [] })).toEqual([]);
  });
});

describe('folding', () => {
  it('folds an email by trimming and lower-casing it', () => {
    expect(foldEmail('  Jo@Example.COM ')).toBe('jo@example.com');
  });

  it('folds a name by trimming, collapsing whitespace and lower-casing it', () => {
    expect(foldName('  Acme \t  Widgets\nLtd ')).toBe('acme widgets ltd');
  });
});
