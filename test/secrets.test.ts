import { ConfigError } from '../lib/config';
import { resolveSecretReferences } from '../lib/secrets';

const parameters: Record<string, string> = { '/deskpro-contact-sync/prod/deskpro-api-key': '12:abcdefghijklmnopqrstuvwxy', '/deskpro-contact-sync/prod/empty': '' };
const read = async (name: string) => parameters[name];

describe('resolveSecretReferences', () => {
  it('replaces ssm:/... values of secret variables with the parameter and leaves the rest alone', async () => {
    const env = await resolveSecretReferences(
      { DESKPRO_API_KEY: 'ssm:/deskpro-contact-sync/prod/deskpro-api-key', HUBSPOT_CLIENT_SECRET: 'plain-secret', DESKPRO_URL: 'ssm:/not/a/secret/variable' },
      read,
    );
    expect(env).toEqual({ DESKPRO_API_KEY: '12:abcdefghijklmnopqrstuvwxy', HUBSPOT_CLIENT_SECRET: 'plain-secret', DESKPRO_URL: 'ssm:/not/a/secret/variable' });
  });

  it('names every variable whose parameter is missing, empty, unreadable or malformed, and no value', async () => {
    const failing = async (name: string) => {
      if (name === '/denied') throw Object.assign(new Error('User is not authorized: secret-ish detail'), { name: 'AccessDeniedException' });
      return read(name);
    };
    const attempt = resolveSecretReferences({
      DESKPRO_API_KEY: 'ssm:/missing', HUBSPOT_CLIENT_SECRET: 'ssm:/deskpro-contact-sync/prod/empty', PIPEDRIVE_BASIC_AUTH: 'ssm:/denied', GENERIC_WEBHOOK_SECRET: 'ssm:no-slash',
    }, failing);
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        'DESKPRO_API_KEY: SSM parameter /missing is empty or missing',
        'GENERIC_WEBHOOK_SECRET: expected ssm:/path/to/parameter',
        'HUBSPOT_CLIENT_SECRET: SSM parameter /deskpro-contact-sync/prod/empty is empty or missing',
        'PIPEDRIVE_BASIC_AUTH: SSM parameter /denied could not be read (AccessDeniedException)',
      ],
    });
  });
});
