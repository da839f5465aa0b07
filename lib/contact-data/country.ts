import { foldText } from './fold';

/**
 * Countries: CRMs send ISO alpha-2, alpha-3 or an English name; Deskpro's agent UI stores full
 * English names. Names come from the runtime's ICU (CLDR) so no name table ships with the code;
 * only the alpha-3 codes, which Intl does not expose, are listed here.
 */

// ISO 3166-1 alpha-2 → alpha-3, plus XK/XKX (Kosovo, user-assigned but in common use).
const ALPHA3 =
  'AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW ' +
  'AX ALA AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN ' +
  'BO BOL BQ BES BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG ' +
  'CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE ' +
  'DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN ' +
  'FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL ' +
  'GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV ' +
  'HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM ' +
  'JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO ' +
  'LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE ' +
  'MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS ' +
  'MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL ' +
  'NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI ' +
  'PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN ' +
  'SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV ' +
  'SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON ' +
  'TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN ' +
  'VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE';

// CLDR's disambiguated names ("Congo - Kinshasa", "Hong Kong SAR China") read oddly on an address.
const NAME_OVERRIDES: Readonly<Record<string, string>> = {
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  HK: 'Hong Kong',
  MO: 'Macao',
  MM: 'Myanmar',
};

// Spellings people type that neither CLDR nor ISO use (already folded, see nameKey).
const ALIASES: Readonly<Record<string, string>> = {
  'uk': 'GB', 'u k': 'GB', 'great britain': 'GB', 'britain': 'GB', 'england': 'GB', 'scotland': 'GB',
  'wales': 'GB', 'northern ireland': 'GB', 'united kingdom of great britain and northern ireland': 'GB',
  'u s': 'US', 'u s a': 'US', 'america': 'US', 'united states of america': 'US',
  'holland': 'NL', 'korea': 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR',
  'democratic people s republic of korea': 'KP', 'russian federation': 'RU', 'viet nam': 'VN',
  'czech republic': 'CZ', 'slovak republic': 'SK', 'turkey': 'TR', 'ivory coast': 'CI', 'burma': 'MM',
  'macau': 'MO', 'uae': 'AE', 'iran islamic republic of': 'IR', 'syrian arab republic': 'SY',
  'lao people s democratic republic': 'LA', 'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE', 'tanzania united republic of': 'TZ', 'republic of moldova': 'MD',
  'moldova republic of': 'MD', 'swaziland': 'SZ', 'cabo verde': 'CV', 'east timor': 'TL', 'vatican': 'VA',
  'holy see': 'VA', 'drc': 'CD', 'dr congo': 'CD', 'congo': 'CG', 'palestine': 'PS', 'state of palestine': 'PS',
  'macedonia': 'MK', 'brunei darussalam': 'BN', 'micronesia federated states of': 'FM',
};

// Groupings, pseudo-regions and "Unknown Region": CLDR names them, but no address is in them.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'QO', 'UN', 'XA', 'XB', 'ZZ']);

interface Tables {
  readonly names: ReadonlyMap<string, string>; // alpha-2 → written name
  readonly byAlpha3: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, string>; // folded name → alpha-2
}
let tables: Tables | undefined;

/** The alpha-2 code of a country written as alpha-2, alpha-3 or an English name; undefined when unknown. */
export function countryCode(input: string): string | undefined {
  const text = input.trim();
  const { names, byAlpha3, byName } = loadTables();
  const upper = text.toUpperCase();
  if (names.has(upper)) return upper;
  return byAlpha3.get(upper) ?? byName.get(nameKey(text));
}

/** The English name Deskpro shows for an alpha-2 code (any case); undefined for an unknown code. */
export function countryName(code: string): string | undefined {
  return loadTables().names.get(code.trim().toUpperCase());
}

function nameKey(name: string): string {
  return foldText(name.replace(/&/g, ' and '))
    .replace(/^the |, the$| the$/g, '')
    .replace(/\bst\b/g, 'saint');
}

// Built on first use: 676 ICU look-ups are cheap, but not worth paying in a cold start that never needs them.
function loadTables(): Tables {
  if (tables) return tables;
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const names = new Map<string, string>();
  const byName = new Map<string, string>();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const cldr = display.of(code);
      // Deprecated codes (DD, SU, UK…) are ICU aliases of current ones: keep only canonical codes.
      if (!cldr || NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const written = NAME_OVERRIDES[code] ?? cldr.replace(/ & /g, ' and ').replace(/^St\. /, 'Saint ');
      names.set(code, written);
      byName.set(nameKey(cldr), code);
      byName.set(nameKey(written), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  const tokens = ALPHA3.split(' ');
  const byAlpha3 = new Map<string, string>();
  for (let i = 0; i < tokens.length; i += 2) byAlpha3.set(tokens[i + 1]!, tokens[i]!);
  tables = { names, byAlpha3, byName };
  return tables;
}
