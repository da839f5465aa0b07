/**
 * What `npm start` and `npm run demo` use when a variable is unset: the demo secrets that
 * `events/` are signed with, fast retries, and quiet metrics. Never applied on AWS.
 */
/** API key the embedded Deskpro simulator accepts when no DESKPRO_URL is given. */
export const SIMULATOR_API_KEY = '1:localdemokey0000000000000000';

export const LOCAL_DEFAULTS: Readonly<Record<string, string>> = {
  HUBSPOT_CLIENT_SECRET: 'demo-hubspot-client-secret',
  PIPEDRIVE_BASIC_AUTH: 'demo:demo-password',
  GENERIC_WEBHOOK_SECRET: `whsec_${Buffer.from('demo-generic-webhook-secret').toString('base64')}`,
  HUBSPOT_PROPERTY_MAP: '{"skype_name":"skype"}',
  DEFAULT_PHONE_REGION: 'US',
  RETRY_BASE_SECONDS: '1',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** The base URL the local endpoint answers on, and so what HubSpot-style signatures cover locally. */
export function localPublicUrl(env: NodeJS.ProcessEnv, port?: number): string {
  return env.PUBLIC_URL?.trim() || `http://127.0.0.1:${port ?? (env.PORT?.trim() || 3000)}`;
}

/** Fills unset (or blank) variables of `env` with the local defaults, in place. */
export function applyLocalDefaults(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  for (const [name, value] of Object.entries(LOCAL_DEFAULTS)) {
    if (!env[name]?.trim()) env[name] = value;
  }
  return env;
}
