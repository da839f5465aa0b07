import { normalizePhone, phoneKey } from '../../lib/contact-data/phone';

describe('normalizePhone', () => {
  it.each([
    ['+44 20 7946 0321', {}, '2079460321', '44'],
    ['020 7946 0321', { region: 'GB' }, '2079460321', '44'],
    ['+44 (0) 20 7946 0321', {}, '2079460321', '44'],
    ['00 44 20 7946 0321', { region: 'US' }, '2079460321', '44'],
    ['0044 20 7946 0321', {}, '2079460321', '44'],
    ['+1 202 555 0100', {}, '2025550100', '1'],
    ['tel:+1-202-555-0100', {}, '2025550100', '1'],
    ['555.010.4477', { region: 'US' }, '5550104477', '1'],
    ['(555) 010-0100', { region: 'US' }, '5550100100', '1'],
    ['(202) 555-0100', { callingCode: '1' }, '2025550100', '1'],
    ['020 7946 0321', { callingCode: '+44', region: 'US' }, '2079460321', '44'],
  ] as const)('splits %j (%j) into calling code and national number', (raw, context, number, code) => {
    // Act
    const result = normalizePhone(raw, 'phone', context);

    // Assess
    expect(result).toEqual({ ok: true, data: { number, country_calling_code: code, type: 'phone' } });
  });

  it.each([
    ['+44 20 7946 0321 ext. 12', '2079460321 ext. 12', '44'],
    ['+1 202 555 0100 x12', '2025550100 ext. 12', '1'],
    ['+1 202-555-0100-x11', '2025550100 ext. 11', '1'],
    ['+1 202 555 0100 ext 11', '2025550100 ext. 11', '1'],
    ['+1 202 555 0100 #12', '2025550100 ext. 12', '1'],
    ['TEL:+1-202-555-0100;ext=12', '2025550100 ext. 12', '1'],
  ])('keeps the extension of %j', (raw, number, code) => {
    // Act
    const result = normalizePhone(raw, 'phone', {});

    // Assess
    expect(result).toEqual({ ok: true, data: { number, country_calling_code: code, type: 'phone' } });
  });

  it.each([
    ['  020 7946 0321  ', 'US', '020 7946 0321'],
    ['+1 800 FLOWERS', 'US', '+1 800 FLOWERS'],
    ['ask at reception', 'US', 'ask at reception'],
    ['555-0100 x12', 'US', '555-0100 x12'],
    ['020 7946 0321', undefined, '020 7946 0321'],
  ] as const)('keeps %j as given (trimmed, no calling code) when it does not parse in %s', (raw, region, kept) => {
    // Act
    const result = normalizePhone(raw, 'phone', { region });

    // Assess
    expect(result).toEqual({ ok: true, data: { number: kept, country_calling_code: '', type: 'phone' } });
  });

  it.each(['', '   ', '\t\n'])('skips %j as empty', (raw) => {
    // Act
    const result = normalizePhone(raw, 'phone', { region: 'US' });

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['mobile', 'fax'] as const)('carries the kind %s', (kind) => {
    // Act
    const result = normalizePhone('+1 202 555 0100', kind, {});

    // Assess
    expect(result).toEqual({ ok: true, data: { number: '2025550100', country_calling_code: '1', type: kind } });
  });
});

describe('phoneKey', () => {
  it.each([
    [{ number: '2079460321', country_calling_code: '44' }, 'phone:+442079460321'],
    [{ number: '2025550100 ext. 12', country_calling_code: '1' }, 'phone:+12025550100;ext=12'],
    [{ number: '555-0100 x12', country_calling_code: '' }, 'phone:555010012'],
    [{ number: 'Ask at Reception', country_calling_code: '' }, 'phone:ask at reception'],
  ])('keys %j as %s', (data, expected) => {
    // Act
    const key = phoneKey({ ...data, type: 'phone' });

    // Assess
    expect(key).toBe(expected);
  });
});
