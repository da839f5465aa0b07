import { ConfigError } from './config';

/** The variables that hold secrets; on AWS each may instead name an SSM parameter. */
export const SECRET_VARIABLES = ['DESKPRO_API_KEY', 'HUBSPOT_CLIENT_SECRET', 'PIPEDRIVE_BASIC_AUTH', 'GENERIC_WEBHOOK_SECRET'] as const;

const SSM_REFERENCE = /^ssm:(\/[\w.\-/]+)$/;

/** Reads one SSM parameter, decrypted (a SecureString); undefined when it does not exist. */
export type ParameterReader = (name: string) => Promise<string | undefined>;

/**
 * Swaps `ssm:/path/to/parameter` values of the secret variables for the parameter's value, so
 * secrets live in SSM SecureString rather than in the function's environment (and the
 * CloudFormation template). Other values pass through. Throws ConfigError naming the variable,
 * never the secret.
 */
export async function resolveSecretReferences(env: NodeJS.ProcessEnv, read: ParameterReader): Promise<NodeJS.ProcessEnv> {
  const resolved: NodeJS.ProcessEnv = { ...env };
  const problems: string[] = [];
  await Promise.all(
    SECRET_VARIABLES.map(async (variable) => {
      const value = env[variable]?.trim();
      if (!value?.startsWith('ssm:')) return;
      const reference = SSM_REFERENCE.exec(value);
      if (!reference) return problems.push(`${variable}: expected ssm:/path/to/parameter`);
      try {
        const secret = await read(reference[1]!);
        if (secret === undefined || secret === '') problems.push(`${variable}: SSM parameter ${reference[1]} is empty or missing`);
        else resolved[variable] = secret;
      } catch (error) {
        problems.push(`${variable}: SSM parameter ${reference[1]} could not be read (${error instanceof Error ? error.name : 'error'})`);
      }
    }),
  );
  if (problems.length > 0) throw new ConfigError(problems.sort());
  return resolved;
}
