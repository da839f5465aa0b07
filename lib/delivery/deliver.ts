import type { CountryCode } from 'libphonenumber-js';
import { comparableKey, keyOfStored } from '../contact-data';
import type { DeskproApi, DeskproTarget } from '../deskpro/types';
import type { QueueMessage } from '../queue/message';

/** How one record ended when it did not throw; `created` = the person was created with it. */
export type Outcome = 'delivered' | 'duplicate' | 'unmatched' | 'created';

export interface DeliverOptions {
  readonly deskpro: DeskproApi;
  readonly unmatchedPeople: 'skip' | 'create';
  readonly defaultRegion?: CountryCode;
}

/**
 * Adds one record to its Deskpro person or organization, unless Deskpro already holds the same
 * value in any spelling. Reading before writing is what makes a redelivery, or a retry after a
 * lost response, harmless: Deskpro itself never deduplicates (deskpro-api.md §3.2). Deskpro
 * errors are thrown for the caller to classify.
 */
export async function deliverRecord(message: QueueMessage, options: DeliverOptions): Promise<Outcome> {
  const { deskpro, defaultRegion } = options;
  const { target: wanted, record } = message;
  const target: DeskproTarget | undefined =
    wanted.kind === 'person' ? await deskpro.findPersonByEmail(wanted.email) : await deskpro.findOrganizationByName(wanted.name);

  if (!target) {
    if (wanted.kind !== 'person' || options.unmatchedPeople === 'skip') return 'unmatched';
    // Created bare, then the record added like any other: Deskpro silently drops an invalid record
    // sent inside a create (deskpro-api.md §2.1), and this way a refusal reaches the DLQ instead.
    const created = await deskpro.createPerson({ email: wanted.email, name: wanted.name ?? wanted.email }, []);
    await deskpro.addContactData(created, record);
    return 'created';
  }

  const key = comparableKey(record, defaultRegion);
  const stored = await deskpro.listContactData(target);
  if (stored.some((row) => keyOfStored(row, defaultRegion) === key)) return 'duplicate';

  await deskpro.addContactData(target, record);
  return 'delivered';
}
