import { normalizeTwitter, twitterKey } from '../../lib/contact-data/twitter';

describe('normalizeTwitter', () => {
  it.each([
    '@jane_doe',
    'jane_doe',
    ' @jane_doe ',
    'twitter.com/jane_doe',
    'https://twitter.com/jane_doe',
    'https://www.twitter.com/jane_doe/status/1234567890',
    'x.com/jane_doe',
    'https://x.com/jane_doe/',
    'https://mobile.twitter.com/jane_doe?lang=en',
    'https://x.com/#!/jane_doe',
    'http://twitter.com/#!/jane_doe',
  ])('reads the handle out of %j', (raw) => {
    // Act
    const result = normalizeTwitter(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { username: 'jane_doe', display_feed: '0' } });
  });

  it('keeps the handle in the case given', () => {
    // Act
    const result = normalizeTwitter('@Jane_Doe');

    // Assess
    expect(result).toEqual({ ok: true, data: { username: 'Jane_Doe', display_feed: '0' } });
  });

  it.each([
    'https://twitter.com/home',
    'https://x.com/i/flow/login',
    'twitter.com/intent/tweet?text=hello',
    'https://twitter.com/share?url=https://example.com',
    'https://x.com/search?q=example',
    'https://twitter.com/hashtag/example',
    'https://x.com/explore',
    '@home',
  ])('refuses the site page %j', (raw) => {
    // Act
    const result = normalizeTwitter(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'not a twitter handle' });
  });

  it.each([
    'jane doe',
    'a_handle_far_too_long',
    'jane-doe',
    'https://example.com/jane_doe',
    'https://twitter.com/',
    'javascript:alert(1)',
  ])('refuses %j, which is no handle', (raw) => {
    // Act
    const result = normalizeTwitter(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'not a twitter handle' });
  });

  it('skips an empty value', () => {
    // Act
    const result = normalizeTwitter('  ');

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('twitterKey', () => {
  it('lower-cases the handle', () => {
    // Act
    const key = twitterKey({ username: 'Jane_Doe', display_feed: '0' });

    // Assess
    expect(key).toBe('twitter:jane_doe');
  });
});
