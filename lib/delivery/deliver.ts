import type { CountryCode } from 'libphonenumber-js';
import { comparableKey, keyOfStored } from '../contact-data';
import type { DeskproApi, DeskproTarget, StoredContactData } from '../deskpro/types';
import type { QueueMessage } from '../queue/message';
import { targetId } from '../queue/target';

/** How one record ended when it did not throw; `created` = the person was created with it. */
export type Outcome = 'delivered' | 'duplicate' | 'unmatched' | 'created';

/**
 * What one invocation has learned of each target, by target id: the Deskpro target and the keys
 * of what it holds, or null when Deskpro has no such target. A FIFO batch may hold several records
 * of one target, and only this invocation writes to it meanwhile (one group at a time), so the
 * next record need not search and list again. An entry is dropped on any error, so a retry re-reads.
 */
export type TargetsSeen = Map<string, { readonly target: DeskproTarget; readonly keys: Set<string> } | null>;

export interface DeliverOptions {
  readonly deskpro: DeskproApi;
  readonly unmatchedPeople: 'skip' | 'create';
  readonly defaultRegion?: CountryCode;
  readonly seen?: TargetsSeen;
}

/**
 * Adds one record to its Deskpro person or organization, unless Deskpro already holds the same
 * value in any spelling. Reading before writing is what makes a redelivery, or a retry after a
 * lost response, harmless: Deskpro itself never deduplicates (deskpro-api.md §3.2). Deskpro
 * errors are thrown for the caller to classify.
 */
export async function deliverRecord(message: QueueMessage, options: DeliverOptions): Promise<Outcome> {
  const { deskpro, defaultRegion, seen = new Map() } = options;
  const { target: wanted, record } = message;
  const id = targetId(wanted);
  const key = comparableKey(record, defaultRegion);
  try {
    let known = seen.get(id);
    if (known === undefined) {
      const target = wanted.kind === 'person' ? await deskpro.findPersonByEmail(wanted.email) : await deskpro.findOrganizationByName(wanted.name);
      known = target ? { target, keys: storedKeys(await deskpro.listContactData(target), defaultRegion) } : null;
      seen.set(id, known);
    }

    if (!known) {
      if (wanted.kind !== 'person' || options.unmatchedPeople === 'skip') return 'unmatched';
      // Created bare, then the record added like any other: Deskpro silently drops an invalid record
      // sent inside a create (deskpro-api.md §2.1), and this way a refusal reaches the DLQ instead.
      const created = await deskpro.createPerson({ email: wanted.email, name: wanted.name ?? wanted.email }, []);
      seen.set(id, { target: created, keys: new Set() });
      await deskpro.addContactData(created, record);
      seen.get(id)!.keys.add(key);
      return 'created';
    }

    if (known.keys.has(key)) return 'duplicate';
    await deskpro.addContactData(known.target, record);
    known.keys.add(key);
    return 'delivered';
  } catch (error) {
    seen.delete(id);
    throw error;
  }
}

function storedKeys(rows: readonly StoredContactData[], defaultRegion?: CountryCode): Set<string> {
  return new Set(rows.map((row) => keyOfStored(row, defaultRegion)).filter((key): key is string => key !== undefined));
}
