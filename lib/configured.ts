import { createHash } from 'node:crypto';
import { logger } from './observability';
import { resolveSecretReferences, SECRET_VARIABLES, type ParameterReader } from './secrets';

/**
 * A Lambda handler built from the environment, with `ssm:/...` secrets resolved per invocation
 * (Powertools caches them for five minutes, so this costs nothing warm). The handler is rebuilt
 * when a secret changes — an operator fixing a key in SSM is picked up without a redeploy — and a
 * failure (SSM throttled, a bad value) fails only that invocation: the next one tries again.
 */
export function configuredHandler<E, C, R>(
  build: (env: NodeJS.ProcessEnv) => (event: E, context: C) => Promise<R>,
  read: ParameterReader,
  env: NodeJS.ProcessEnv = process.env,
): (event: E, context: C) => Promise<R> {
  let current: { fingerprint: string; handler: (event: E, context: C) => Promise<R> } | undefined;
  return async (event, context) => {
    let handler: (event: E, context: C) => Promise<R>;
    try {
      const resolved = await resolveSecretReferences(env, read);
      const fingerprint = createHash('sha256').update(SECRET_VARIABLES.map((name) => resolved[name] ?? '').join('\0')).digest('hex');
      if (current?.fingerprint !== fingerprint) current = { fingerprint, handler: build(resolved) };
      handler = current.handler;
    } catch (error) {
      logger.error('configuration failed', { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    return handler(event, context);
  };
}
