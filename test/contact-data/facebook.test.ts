import { facebookKey, normalizeFacebook } from '../../lib/contact-data/facebook';

describe('normalizeFacebook', () => {
  it.each([
    'https://www.facebook.com/jane.doe',
    'https://www.facebook.com/jane.doe/',
    'facebook.com/jane.doe',
    'www.facebook.com/jane.doe?ref=bookmarks',
    'https://m.facebook.com/jane.doe',
    'http://web.facebook.com/jane.doe',
    'https://fb.com/jane.doe',
    'fb.com/jane.doe',
    'jane.doe',
    '@jane.doe',
  ])('reads %j', (raw) => {
    // Act
    const result = normalizeFacebook(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.facebook.com/jane.doe' } });
  });

  it('keeps the name in the case given', () => {
    // Act
    const result = normalizeFacebook('facebook.com/Jane.Doe');

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.facebook.com/Jane.Doe' } });
  });

  it.each([
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://m.facebook.com/profile.php?id=100012345678901&ref=bookmarks',
    'facebook.com/profile.php?id=100012345678901',
    'https://www.facebook.com/people/Jane-Doe/100012345678901/',
  ])('keeps a numeric profile as profile.php?id=: %j', (raw) => {
    // Act
    const result = normalizeFacebook(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.facebook.com/profile.php?id=100012345678901' } });
  });

  it.each([
    'https://www.facebook.com/profile.php',
    'https://www.facebook.com/profile.php?id=jane',
    'https://www.facebook.com/sharer/sharer.php?u=https://example.com',
    'https://www.facebook.com/groups/123456',
    'https://www.facebook.com/',
    'facebook.com',
    'https://example.com/jane.doe',
    'example.com',
    'jane doe',
    '.',
    '..',
  ])('refuses %j', (raw) => {
    // Act
    const result = normalizeFacebook(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'not a Facebook profile' });
  });

  it('skips an empty value', () => {
    // Act
    const result = normalizeFacebook(' ');

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('facebookKey', () => {
  it('is the lower-cased canonical URL', () => {
    // Act
    const key = facebookKey({ profile_url: 'https://www.facebook.com/Jane.Doe' });

    // Assess
    expect(key).toBe('facebook:https://www.facebook.com/jane.doe');
  });
});
