import { SignatureError } from '../../lib/sources/errors';
import { assertFresh, hmac, requireHeader, safeEqual, signHmac, verifyHmac, type HmacScheme } from '../../lib/sources/signature';
import { jsonRequest, NOW, seconds, thrownBy } from './support';

// A scheme with nothing vendor-specific in it, to test the core alone.
const scheme: HmacScheme = {
  signatureHeader: 'x-signature',
  timestampHeader: 'x-timestamp',
  timestampUnit: 's',
  encoding: 'hex',
  signedContent: (request, timestamp) => [`${timestamp}:`, request.body],
  readSignatures: (value) => value.split(' ').filter((signature) => /^[0-9a-f]{64}$/.test(signature)),
  writeSignature: (signature) => signature,
};
const KEY = 'core-test-key';

describe('hmac', () => {
  it('matches RFC 4231 test case 2', () => {
    // Act
    const digest = hmac('Jefe', ['what do ya ', Buffer.from('want for nothing?')], 'hex');

    // Assess
    expect(digest).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('signHmac / verifyHmac', () => {
  it('signs the declared content and verifies it', () => {
    // Prepare
    const unsigned = jsonRequest('{"a":1}');

    // Act
    const headers = signHmac(scheme, unsigned, KEY, NOW);

    // Assess
    expect(headers).toEqual({
      'x-timestamp': '1767225600',
      'x-signature': hmac(KEY, ['1767225600:{"a":1}'], 'hex'),
    });
    expect(() => verifyHmac(scheme, jsonRequest('{"a":1}', headers), KEY, NOW)).not.toThrow();
  });

  it('accepts any one matching signature among several', () => {
    // Prepare
    const good = signHmac(scheme, jsonRequest('{}'), KEY, NOW);
    const request = jsonRequest('{}', { ...good, 'x-signature': `${'0'.repeat(64)} ${good['x-signature']}` });

    // Act / Assess
    expect(() => verifyHmac(scheme, request, KEY, NOW)).not.toThrow();
  });

  it.each([
    ['x-signature', 'x-signature header is missing'],
    ['x-timestamp', 'x-timestamp header is missing'],
  ])('rejects a request without %s', (name, message) => {
    // Prepare
    const headers: Record<string, string> = signHmac(scheme, jsonRequest('{}'), KEY, NOW);
    delete headers[name];

    // Act
    const error = thrownBy(() => verifyHmac(scheme, jsonRequest('{}', headers), KEY, NOW));

    // Assess
    expect(error).toBeInstanceOf(SignatureError);
    expect(error).toHaveProperty('message', message);
  });

  it('rejects a signature header the scheme cannot read', () => {
    // Prepare
    const headers = { ...signHmac(scheme, jsonRequest('{}'), KEY, NOW), 'x-signature': 'not-hex' };

    // Act
    const error = thrownBy(() => verifyHmac(scheme, jsonRequest('{}', headers), KEY, NOW));

    // Assess
    expect(error).toEqual(new SignatureError('x-signature header is malformed'));
  });

  it('rejects a signature made with another key', () => {
    // Prepare
    const headers = signHmac(scheme, jsonRequest('{}'), 'another-key', NOW);

    // Act
    const error = thrownBy(() => verifyHmac(scheme, jsonRequest('{}', headers), KEY, NOW));

    // Assess
    expect(error).toEqual(new SignatureError('no signature matches'));
  });
});

describe('assertFresh', () => {
  it.each([
    ['seconds, 300 s old', '1767225600', 's', seconds(300)],
    ['seconds, 300 s ahead', '1767225600', 's', seconds(-300)],
    ['seconds, 300.999 s old (now is floored to the second)', '1767225600', 's', new Date(NOW.getTime() + 300_999)],
    ['milliseconds, 300 s old', '1767225600000', 'ms', seconds(300)],
    ['milliseconds, 300 s ahead', '1767225600000', 'ms', seconds(-300)],
  ] as const)('accepts %s', (_case, timestamp, unit, now) => {
    // Act / Assess
    expect(() => assertFresh(timestamp, unit, now, 300)).not.toThrow();
  });

  it.each([
    ['seconds, 301 s old', '1767225600', 's', seconds(301), 'timestamp is too old'],
    ['seconds, 301 s ahead', '1767225600', 's', seconds(-301), 'timestamp is too far in the future'],
    ['milliseconds, 301 s old', '1767225600000', 'ms', seconds(301), 'timestamp is too old'],
    ['milliseconds, 300.001 s old', '1767225600000', 'ms', new Date(NOW.getTime() + 300_001), 'timestamp is too old'],
    ['milliseconds, 301 s ahead', '1767225600000', 'ms', seconds(-301), 'timestamp is too far in the future'],
  ] as const)('rejects %s', (_case, timestamp, unit, now, message) => {
    // Act
    const error = thrownBy(() => assertFresh(timestamp, unit, now, 300));

    // Assess
    expect(error).toEqual(new SignatureError(message));
  });

  it.each(['', 'yesterday', '-1767225600', '1767225600.5', ' 1767225600', '1e9', '99999999999999999999'])(
    'rejects the malformed timestamp %j',
    (timestamp) => {
      // Act
      const error = thrownBy(() => assertFresh(timestamp, 's', NOW, 300));

      // Assess
      expect(error).toEqual(new SignatureError('timestamp header is malformed'));
    },
  );
});

describe('safeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
  ])('compares %j and %j', (a, b, expected) => {
    // Act / Assess
    expect(safeEqual(a, b)).toBe(expected);
  });
});

describe('requireHeader', () => {
  it('treats an empty header as missing', () => {
    // Act
    const error = thrownBy(() => requireHeader(jsonRequest('{}', { 'x-signature': '' }), 'X-Signature'));

    // Assess
    expect(error).toEqual(new SignatureError('X-Signature header is missing'));
  });
});
