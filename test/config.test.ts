import { ConfigError, loadConfig, requireSettings } from '../lib/config';

describe('loadConfig', () => {
  it('reads every operator variable into one typed config', () => {
    const config = loadConfig({
      DESKPRO_URL: 'https://support.example.com/', DESKPRO_API_KEY: '12:abcdefghijklmnopqrstuvwxy', DESKPRO_AGENT_ID: '3',
      PUBLIC_URL: 'https://hooks.example.com/', HUBSPOT_CLIENT_SECRET: 'hs-secret', HUBSPOT_PROPERTY_MAP: '{"skype_name":"skype","wa":"im:whatsapp"}',
      PIPEDRIVE_BASIC_AUTH: 'user:pa:ss', GENERIC_WEBHOOK_SECRET: 'whsec_c2VjcmV0', UNMATCHED_PEOPLE: 'create', DEFAULT_PHONE_REGION: 'gb',
      PORT: '3100', RECORDS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/records.fifo', DLQ_URL: 'https://sqs.us-east-1.amazonaws.com/1/dlq.fifo',
      RETRY_BASE_SECONDS: '10',
    });
    expect(config).toEqual({
      deskpro: { url: 'https://support.example.com', apiKey: '12:abcdefghijklmnopqrstuvwxy', agentId: '3' },
      sources: {
        publicUrl: 'https://hooks.example.com', hubspotClientSecret: 'hs-secret', hubspotPropertyMap: { skype_name: 'skype', wa: 'im:whatsapp' },
        pipedriveBasicAuth: 'user:pa:ss', genericWebhookSecret: 'whsec_c2VjcmV0',
      },
      unmatchedPeople: 'create',
      defaultPhoneRegion: 'GB',
      port: 3100,
      queue: { recordsUrl: 'https://sqs.us-east-1.amazonaws.com/1/records.fifo', dlqUrl: 'https://sqs.us-east-1.amazonaws.com/1/dlq.fifo', endpoint: undefined },
      retryBaseSeconds: 10,
    });
  });

  it('applies the defaults and treats blank values (as serverless.yml passes them) as unset', () => {
    const config = loadConfig({ DESKPRO_URL: '', UNMATCHED_PEOPLE: '', PORT: ' ', HUBSPOT_CLIENT_SECRET: '' });
    expect(config.deskpro.url).toBeUndefined();
    expect(config.sources.hubspotClientSecret).toBeUndefined();
    expect(config.unmatchedPeople).toBe('skip');
    expect(config.port).toBe(3000);
    expect(config.sources.publicUrl).toBeUndefined();
    expect(config.sources.hubspotPropertyMap).toEqual({});
    expect(config.retryBaseSeconds).toBe(30);
  });

  it('names every bad variable in one error', () => {
    const attempt = () => loadConfig({
      UNMATCHED_PEOPLE: 'maybe', DESKPRO_API_KEY: 'nocolon', DESKPRO_URL: 'ftp://x', DEFAULT_PHONE_REGION: 'XX',
      GENERIC_WEBHOOK_SECRET: 'plain', PIPEDRIVE_BASIC_AUTH: 'nopassword', HUBSPOT_PROPERTY_MAP: '{"a":"pager"}', PORT: '70000',
    });
    expect(attempt).toThrow(ConfigError);
    const problems = (() => { try { attempt(); } catch (error) { return (error as ConfigError).problems; } return []; })();
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DEFAULT_PHONE_REGION', 'DESKPRO_API_KEY', 'DESKPRO_URL', 'GENERIC_WEBHOOK_SECRET', 'HUBSPOT_PROPERTY_MAP.a', 'PIPEDRIVE_BASIC_AUTH', 'PORT', 'UNMATCHED_PEOPLE',
    ]);
  });

  it('refuses a plain-http Deskpro URL except on this machine, since the API key travels with every call', () => {
    expect(() => loadConfig({ DESKPRO_URL: 'http://support.example.com' })).toThrow('DESKPRO_URL: expected https:// (http only for localhost)');
    expect(loadConfig({ DESKPRO_URL: 'http://127.0.0.1:8080/' }).deskpro.url).toBe('http://127.0.0.1:8080');
  });

  it('refuses a property map that is not JSON', () => {
    expect(() => loadConfig({ HUBSPOT_PROPERTY_MAP: '{skype_name:skype}' })).toThrow('HUBSPOT_PROPERTY_MAP: expected JSON such as {"skype_name":"skype"}');
  });

  it('never puts a secret value into its message', () => {
    expect(() => loadConfig({ GENERIC_WEBHOOK_SECRET: 'whsec_not base64!' })).toThrow(/^invalid configuration: GENERIC_WEBHOOK_SECRET: expected whsec_<base64>$/);
  });
});

describe('requireSettings', () => {
  it('names each missing variable a function needs', () => {
    expect(() => requireSettings({ DESKPRO_URL: undefined, DESKPRO_API_KEY: '1:a', DLQ_URL: undefined }))
      .toThrow('invalid configuration: DESKPRO_URL: required; DLQ_URL: required');
  });
});
