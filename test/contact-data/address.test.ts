import { addressKey, normalizeAddress } from '../../lib/contact-data/address';

const empty = { address: '', city: '', state: '', zip: '', country: '' };

describe('normalizeAddress', () => {
  it('trims every part, keeps street lines without blank ones and writes the country name', () => {
    // Prepare
    const parts = {
      street: '  12 Example Road \r\n\n\n   Flat 3  ',
      city: ' Springfield ',
      state: ' IL ',
      zip: ' 62701 ',
      country: ' US ',
    };

    // Act
    const result = normalizeAddress(parts);

    // Assess
    expect(result).toEqual({
      ok: true,
      data: { address: '12 Example Road\nFlat 3', city: 'Springfield', state: 'IL', zip: '62701', country: 'United States' },
    });
  });

  it('fills every missing part with an empty string', () => {
    // Act
    const result = normalizeAddress({ city: 'Springfield' });

    // Assess
    expect(result).toEqual({ ok: true, data: { ...empty, city: 'Springfield' } });
  });

  it('keeps the leading zeros of a zip code', () => {
    // Act
    const result = normalizeAddress({ zip: '00501', state: 'NY' });

    // Assess
    expect(result).toEqual({ ok: true, data: { ...empty, zip: '00501', state: 'NY' } });
  });

  it.each(['US', 'usa', 'United States', 'USA', 'united states of america'])('writes country %j as United States', (country) => {
    // Act
    const result = normalizeAddress({ country });

    // Assess
    expect(result).toEqual({ ok: true, data: { ...empty, country: 'United States' } });
  });

  it('keeps an unknown country as typed, trimmed', () => {
    // Act
    const result = normalizeAddress({ city: 'Poseidonis', country: '  Atlantis ' });

    // Assess
    expect(result).toEqual({ ok: true, data: { ...empty, city: 'Poseidonis', country: 'Atlantis' } });
  });

  it.each([{}, { street: ' \n \n', city: '  ', zip: '' }])('skips an address with no part: %j', (parts) => {
    // Act
    const result = normalizeAddress(parts);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('addressKey', () => {
  it('folds case, punctuation and spacing and keys the country by its ISO code', () => {
    // Prepare
    const data = { address: '12 Example Rd.,\nFlat 3', city: 'SPRINGFIELD', state: 'IL', zip: '62701', country: 'United States' };

    // Act
    const key = addressKey(data);

    // Assess
    expect(key).toBe('address:12 example rd flat 3|springfield|il|62701|US');
  });

  it('gives "US" and "United States" the same key', () => {
    // Prepare
    const base = { address: '12 Example Road', city: 'Springfield', state: 'IL', zip: '62701' };

    // Act
    const byCode = addressKey({ ...base, country: 'US' });
    const byName = addressKey({ ...base, country: 'United States' });

    // Assess
    expect(byCode).toBe(byName);
  });

  it('ignores spaces and dashes inside a zip code', () => {
    // Act
    const dashed = addressKey({ ...empty, zip: '12345-6789' });
    const spaced = addressKey({ ...empty, zip: '12345 6789' });

    // Assess
    expect(dashed).toBe('address:|||123456789|');
    expect(spaced).toBe(dashed);
  });
});
