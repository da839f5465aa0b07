import { configuredHandler } from '../lib/configured';

describe('configuredHandler', () => {
  const env = { DESKPRO_API_KEY: 'ssm:/deskpro-contact-sync/prod/deskpro-api-key', DESKPRO_URL: 'https://support.example.com' };

  it('tries again on the next invocation after SSM failed, instead of keeping the failure', async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return '12:abc';
    };
    const handler = configuredHandler((resolved) => async (event: string) => `${event}:${resolved.DESKPRO_API_KEY}`, read, env);

    await expect(handler('first', undefined)).rejects.toThrow('DESKPRO_API_KEY: SSM parameter /deskpro-contact-sync/prod/deskpro-api-key could not be read (ThrottlingException)');
    await expect(handler('second', undefined)).resolves.toBe('second:12:abc');
  });

  it('builds once while the secrets stay the same, and again when an operator changes one', async () => {
    let key = '12:old';
    const builds: string[] = [];
    const handler = configuredHandler((resolved) => {
      builds.push(resolved.DESKPRO_API_KEY!);
      return async () => resolved.DESKPRO_API_KEY;
    }, async () => key, env);

    await handler(undefined, undefined);
    await handler(undefined, undefined);
    key = '12:new';
    const after = await handler(undefined, undefined);

    expect(builds).toEqual(['12:old', '12:new']);
    expect(after).toBe('12:new');
  });
});
