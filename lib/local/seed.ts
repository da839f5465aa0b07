import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DeskproSimulator } from './deskpro-simulator';

const SeedRecord = z.object({ type: z.string(), comment: z.string().default(''), data: z.record(z.string(), z.string()) });
const Seed = z.object({
  people: z.array(z.object({ name: z.string(), email: z.string(), contactData: z.array(SeedRecord).default([]) })),
  organizations: z.array(z.object({ name: z.string(), contactData: z.array(SeedRecord).default([]) })),
});

export const SEED_FILE = join(__dirname, '..', '..', 'events', 'deskpro', 'seed.json');

/** Loads the people and organizations of `events/deskpro/seed.json` into the simulator. */
export function seedSimulator(simulator: DeskproSimulator, file = SEED_FILE): void {
  const seed = Seed.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const person of seed.people) {
    const id = simulator.addPerson({ name: person.name, email: person.email });
    for (const record of person.contactData) simulator.addContactData('person', id, record);
  }
  for (const organization of seed.organizations) {
    const id = simulator.addOrganization({ name: organization.name });
    for (const record of organization.contactData) simulator.addContactData('organization', id, record);
  }
}
