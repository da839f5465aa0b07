import { linkedInKey, normalizeLinkedIn } from '../../lib/contact-data/linkedin';

describe('normalizeLinkedIn', () => {
  it.each([
    'https://www.linkedin.com/in/jane-doe',
    'https://www.linkedin.com/in/jane-doe/',
    'linkedin.com/in/jane-doe',
    'www.linkedin.com/in/jane-doe/?originalSubdomain=uk',
    'https://uk.linkedin.com/in/Jane-Doe?trk=public_profile_browsemap',
    'http://de.linkedin.com/in/jane-doe/en',
    'https://m.linkedin.com/in/jane-doe',
    'jane-doe',
    ' Jane-Doe ',
  ])('reads %j as a person profile', (raw) => {
    // Act
    const result = normalizeLinkedIn(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.linkedin.com/in/jane-doe' } });
  });

  it.each([
    'https://www.linkedin.com/company/example-corp',
    'https://www.linkedin.com/company/Example-Corp/about/',
    'uk.linkedin.com/company/example-corp?trk=x',
  ])('reads %j as a company page', (raw) => {
    // Act
    const result = normalizeLinkedIn(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.linkedin.com/company/example-corp' } });
  });

  it.each([
    'https://www.linkedin.com/in/J%C3%A9r%C3%B4me-Doe',
    'Jérôme-Doe',
  ])('lower-cases and percent-encodes a slug in another script: %j', (raw) => {
    // Act
    const result = normalizeLinkedIn(raw);

    // Assess
    expect(result).toEqual({ ok: true, data: { profile_url: 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-doe' } });
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/school/example-university',
    'https://example.com/in/jane-doe',
    'https://lnkd.in/abc123',
    'jane doe',
    'https://www.linkedin.com/in/%E0%A4%A',
  ])('refuses %j', (raw) => {
    // Act
    const result = normalizeLinkedIn(raw);

    // Assess
    expect(result).toEqual({ ok: false, reason: 'not a LinkedIn profile' });
  });

  it('skips an empty value', () => {
    // Act
    const result = normalizeLinkedIn('');

    // Assess
    expect(result).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('linkedInKey', () => {
  it('is the lower-cased canonical URL', () => {
    // Act
    const key = linkedInKey({ profile_url: 'https://www.linkedin.com/in/jane-doe' });

    // Assess
    expect(key).toBe('linked_in:https://www.linkedin.com/in/jane-doe');
  });
});
