import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import type { HubspotPropertyTarget, SourceSettings } from './sources/source';

/**
 * Environment → one typed, validated config. Names are the operator contract (design.md,
 * "Operator contract"); a bad value throws ConfigError naming it (never its value).
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** An http(s) base URL without query or fragment, trailing slashes dropped. */
const baseUrl = z
  .url({ protocol: /^https?$/ })
  .refine((url) => !/[?#]/.test(url), 'expected a base URL without ? or #')
  .transform((url) => url.replace(/\/+$/, ''));
/** The API key travels in a header: plain http only to this machine (the local simulator). */
const deskproUrl = baseUrl.refine(
  (url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url),
  'expected https:// (http only for localhost)',
);
const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const opt = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

const HUBSPOT_TARGETS = ['phone', 'mobile', 'fax', 'website', 'twitter', 'linkedin', 'facebook', 'skype'];
const hubspotTarget = z
  .string()
  .refine((target) => HUBSPOT_TARGETS.includes(target) || /^im:[a-z ]{1,32}$/.test(target), `expected one of ${HUBSPOT_TARGETS.join(', ')} or im:<service>`) as z.ZodType<HubspotPropertyTarget>;

const Env = z.object({
  DESKPRO_URL: opt(deskproUrl),
  DESKPRO_API_KEY: opt(z.string().regex(/^\d+:\S+$/, 'expected <key id>:<code>')),
  DESKPRO_AGENT_ID: opt(z.string().regex(/^\d+$/, 'expected a numeric agent id')),
  PUBLIC_URL: opt(baseUrl),
  HUBSPOT_CLIENT_SECRET: opt(z.string()),
  HUBSPOT_PROPERTY_MAP: opt(
    z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON such as {"skype_name":"skype"}' });
        return z.NEVER;
      }
    }).pipe(z.record(z.string().min(1), hubspotTarget)),
  ),
  PIPEDRIVE_BASIC_AUTH: opt(z.string().regex(/^[^:]+:.+$/, 'expected user:password')),
  GENERIC_WEBHOOK_SECRET: opt(z.string().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'expected whsec_<base64>')),
  UNMATCHED_PEOPLE: z.preprocess(blankIsUnset, z.enum(['skip', 'create']).default('skip')),
  DEFAULT_PHONE_REGION: opt(
    z.string().toUpperCase().refine((code) => (getCountries() as string[]).includes(code), 'expected an ISO 3166 alpha-2 region such as US'),
  ) as z.ZodType<CountryCode | undefined>,
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  RECORDS_QUEUE_URL: opt(z.url()),
  DLQ_URL: opt(z.url()),
  SQS_ENDPOINT: opt(z.url()),
  RETRY_BASE_SECONDS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(900).default(30)),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Env>) {
  return {
    deskpro: { url: env.DESKPRO_URL, apiKey: env.DESKPRO_API_KEY, agentId: env.DESKPRO_AGENT_ID },
    sources: {
      publicUrl: env.PUBLIC_URL,
      hubspotClientSecret: env.HUBSPOT_CLIENT_SECRET,
      hubspotPropertyMap: env.HUBSPOT_PROPERTY_MAP ?? {},
      pipedriveBasicAuth: env.PIPEDRIVE_BASIC_AUTH,
      genericWebhookSecret: env.GENERIC_WEBHOOK_SECRET,
    } satisfies SourceSettings,
    unmatchedPeople: env.UNMATCHED_PEOPLE,
    defaultPhoneRegion: env.DEFAULT_PHONE_REGION,
    port: env.PORT,
    queue: { recordsUrl: env.RECORDS_QUEUE_URL, dlqUrl: env.DLQ_URL, endpoint: env.SQS_ENDPOINT },
    retryBaseSeconds: env.RETRY_BASE_SECONDS,
  };
}

/** Reads every variable; throws ConfigError listing each bad one by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return toConfig(parsed.data);
}

/** Fails fast, naming each variable a function needs but did not get. */
export function requireSettings(values: Record<string, unknown>): void {
  const missing = Object.entries(values).filter(([, value]) => value === undefined).map(([name]) => `${name}: required`);
  if (missing.length > 0) throw new ConfigError(missing);
}
