import { normalizeWebsite, websiteKey } from '../../lib/contact-data/website';

describe('normalizeWebsite', () => {
  it.each([
    ['example.com', 'https://example.com'],
    ['  www.example.com  ', 'https://www.example.com'],
    ['https://example.com/', 'https://example.com'],
    ['http://example.com/', 'http://example.com'],
    ['HTTPS://WWW.Example.COM/About/', 'https://www.example.com/About/'],
    ['https://example.com:443/', 'https://example.com'],
    ['example.com:8080/shop', 'https://example.com:8080/shop'],
    ['//example.com/team', 'https://example.com/team'],
    ['https://example.com/#team', 'https://example.com/#team'],
    ['https://example.com/?ref=partner', 'https://example.com/?ref=partner'],
  ])('reads %j as %j', (raw, url) => {
    // Act
    const result = normalizeWebsite(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { url } });
  });

  it.each([
    ['http://example.com/pricing?utm_source=news&utm_medium=email&plan=pro&gclid=abc', 'http://example.com/pricing?plan=pro'],
    ['https://example.com/?fbclid=IwAR0abc', 'https://example.com'],
    ['https://example.com/page?UTM_Campaign=spring&mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4', 'https://example.com/page'],
    ['example.com/a?li_fat_id=1&msclkid=2&igshid=3&yclid=4&twclid=5&dclid=6&gbraid=7&wbraid=8&hsCtaTracking=9', 'https://example.com/a'],
    ['https://example.com/search?q=a%20b&utm_term=x', 'https://example.com/search?q=a%20b'],
  ])('drops tracking parameters from %j', (raw, url) => {
    // Act
    const result = normalizeWebsite(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { url } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript:alert(1)', 'not an http(s) URL'],
    ['JavaScript://example.com/%0Aalert(1)', 'not an http(s) URL'],
    ['ftp://example.com/files', 'not an http(s) URL'],
    ['mailto:jane@example.com', 'not an http(s) URL'],
    ['not a website', 'not a valid URL'],
    ['localhost', 'not a valid URL'],
    ['https://', 'not a valid URL'],
    ['https://jane:secret@example.com/', 'URL carries credentials'],
  ])('skips %j: %s', (raw, reason) => {
    // Act
    const result = normalizeWebsite(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason });
  });
});

describe('websiteKey', () => {
  it.each([
    ['https://www.example.com/about/', 'website:example.com/about'],
    ['http://example.com', 'website:example.com'],
    ['https://example.com/?ref=partner', 'website:example.com?ref=partner'],
    ['https://example.com:8080/Shop', 'website:example.com:8080/Shop'],
  ])('keys %j as %j', (url, expected) => {
    // Act
    const key = websiteKey({ url });

    // Assess
    expect(key).toBe(expected);
  });
});
