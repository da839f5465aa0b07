import { countryCode, countryName } from '../../lib/contact-data/country';

describe('countryCode', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['usa', 'US'], ['United States', 'US'], ['united states', 'US'],
    ['United States of America', 'US'], ['U.S.A.', 'US'], ['  US  ', 'US'],
    ['GB', 'GB'], ['GBR', 'GB'], ['UK', 'GB'], ['Great Britain', 'GB'], ['United Kingdom', 'GB'], ['england', 'GB'],
    ['DEU', 'DE'], ['Germany', 'DE'], ['The Netherlands', 'NL'], ['Holland', 'NL'],
    ['Côte d’Ivoire', 'CI'], ["Cote d'Ivoire", 'CI'], ['Ivory Coast', 'CI'],
    ['Saint Kitts and Nevis', 'KN'], ['St Kitts & Nevis', 'KN'], ['Bosnia and Herzegovina', 'BA'],
    ['Turkey', 'TR'], ['South Korea', 'KR'], ['Russian Federation', 'RU'], ['XK', 'XK'],
  ])('reads %j as %s', (input, expected) => {
    // Prepare: input as a CRM would send it

    // Act
    const code = countryCode(input);

    // Assess
    expect(code).toBe(expected);
  });

  it.each(['', '   ', 'Atlantis', 'Deutschland', 'EU', 'ZZ', 'XX', 'QQQ', 'constructor'])('knows no country %j', (input) => {
    // Act
    const code = countryCode(input);

    // Assess
    expect(code).toBeUndefined();
  });
});

describe('countryName', () => {
  it.each([
    ['US', 'United States'], ['us', 'United States'], ['GB', 'United Kingdom'], ['DE', 'Germany'],
    ['BA', 'Bosnia and Herzegovina'], ['LC', 'Saint Lucia'], ['CD', 'Democratic Republic of the Congo'],
    ['HK', 'Hong Kong'],
  ])('writes %s as %j', (code, expected) => {
    // Act
    const name = countryName(code);

    // Assess
    expect(name).toBe(expected);
  });

  it.each(['UK', 'ZZ', 'XX', 'USA', ''])('has no name for %j, which is no alpha-2 country code', (code) => {
    // Act
    const name = countryName(code);

    // Assess
    expect(name).toBeUndefined();
  });

  it('round-trips a name back to its code', () => {
    // Prepare
    const name = countryName('KN')!;

    // Act
    const code = countryCode(name);

    // Assess
    expect(code).toBe('KN');
  });
});
