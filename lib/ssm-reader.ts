import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import type { ParameterReader } from './secrets';

/** Powertools Parameters over SSM: decrypted, cached for five minutes across warm invocations. */
export const readSsmParameter: ParameterReader = (name) => getParameter(name, { decrypt: true, maxAge: 300 });
