import { z } from 'zod';
import { CrmOrigin } from '../contact-data/contact';
import { ContactRecord } from '../contact-data/record';

/**
 * The one message per record on the records queue (design.md, "Queue contract"). Versioned so
 * the shape can change: a worker dead-letters a version it does not know (reason
 * `invalid_message:v`) rather than misreading it.
 */
export const QueueTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), email: z.email(), name: z.string().optional() }),
  z.object({ kind: z.literal('organization'), name: z.string().min(1) }),
]);
export type QueueTarget = z.infer<typeof QueueTarget>;

export const QueueMessage = z.object({
  v: z.literal(1),
  target: QueueTarget,
  record: ContactRecord,
  crm: CrmOrigin,
  receivedAt: z.iso.datetime(),
});
export type QueueMessage = z.infer<typeof QueueMessage>;
