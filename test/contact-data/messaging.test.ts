import {
  imService,
  instantMessageKey,
  normalizeInstantMessage,
  normalizeSkype,
  skypeKey,
} from '../../lib/contact-data/messaging';

describe('normalizeSkype', () => {
  it.each([
    [' jane.doe ', 'jane.doe'],
    ['live:.cid.1a2b3c4d5e6f7a8b', 'live:.cid.1a2b3c4d5e6f7a8b'],
    ['live:jane.doe_1', 'live:jane.doe_1'],
    ['skype:jane.doe?call', 'jane.doe'],
    ['skype:live:.cid.1a2b3c?chat', 'live:.cid.1a2b3c'],
  ])('reads %j as %j', (raw, username) => {
    // Act
    const result = normalizeSkype(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { username } });
  });

  it.each(['', '  ', 'skype:?call', 'skype:skype:'])('skips %j as empty', (raw) => {
    // Act
    const result = normalizeSkype(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('imService', () => {
  it.each([
    ['aim', 'aim'], ['AOL', 'aim'],
    ['msn', 'msn'], ['Windows Live', 'msn'], ['Live Messenger', 'msn'], ['MSN Messenger', 'msn'],
    ['Yahoo', 'yim'], ['ymsgr', 'yim'], ['YIM', 'yim'],
    ['ICQ', 'icq'], ['Skype', 'skype'],
    ['gtalk', 'gtalk'], ['google', 'gtalk'], ['Google Talk', 'gtalk'], ['Hangouts', 'gtalk'], ['Google Chat', 'gtalk'], ['gchat', 'gtalk'],
    ['WhatsApp', 'whatsapp'], ['Whats App', 'whatsapp'],
    ['Telegram', 'other'], ['', 'other'], ['constructor', 'other'],
  ])('maps %j to %s', (service, expected) => {
    // Act
    const mapped = imService(service);

    // Assess
    expect(mapped).toBe(expected);
  });
});

describe('normalizeInstantMessage', () => {
  it('maps the service and trims the username', () => {
    // Act
    const result = normalizeInstantMessage(' Google Talk ', '  jane.doe@example.com ');

    // Assess
    expect(result).toEqual({ ok: true, data: { service: 'gtalk', username: 'jane.doe@example.com' } });
  });

  it('reads a skype username the way a skype record reads it', () => {
    // Act
    const result = normalizeInstantMessage('skype', 'skype:jane.doe?call');

    // Assess
    expect(result).toEqual({ ok: true, data: { service: 'skype', username: 'jane.doe' } });
  });

  it('skips an empty username', () => {
    // Act
    const result = normalizeInstantMessage('aim', '   ');

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('keys', () => {
  it('gives an IM on skype the key of a skype record', () => {
    // Act
    const im = instantMessageKey({ service: 'skype', username: 'Jane.Doe' });
    const skype = skypeKey({ username: 'jane.doe' });

    // Assess
    expect(im).toBe('skype:jane.doe');
    expect(skype).toBe('skype:jane.doe');
  });

  it('keys other IMs by service and lower-cased username', () => {
    // Act
    const key = instantMessageKey({ service: 'gtalk', username: 'Jane.Doe@example.com' });

    // Assess
    expect(key).toBe('gtalk:jane.doe@example.com');
  });
});
