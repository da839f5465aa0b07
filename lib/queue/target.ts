import { createHash } from 'node:crypto';
import type { CrmContact } from '../contact-data/contact';
import { foldEmail, foldName } from '../contact-data/identity';
import type { QueueTarget } from './message';

export function targetOf(contact: CrmContact): QueueTarget {
  return contact.kind === 'person'
    ? { kind: 'person', email: foldEmail(contact.email!), ...(contact.name ? { name: contact.name } : {}) }
    : { kind: 'organization', name: contact.name!.trim() };
}

/** `person:<lower-cased email>` or `organization:<folded name>`: the identity of a Deskpro target. */
export function targetId(target: QueueTarget): string {
  return target.kind === 'person' ? `person:${foldEmail(target.email)}` : `organization:${foldName(target.name)}`;
}

/** Short, stable, non-reversible tag for logs: a target without its email or name. */
export function targetHash(target: QueueTarget): string {
  return sha256(targetId(target)).slice(0, 12);
}

// SQS group ids allow 1–128 characters from this set; spaces and non-ASCII are refused.
const GROUP_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * MessageGroupId: one Deskpro target's records are handled one at a time, in order. A target id
 * that SQS would refuse (a space in an organization name, a non-ASCII email) is hashed instead.
 */
export function groupIdOf(target: QueueTarget): string {
  const id = targetId(target);
  return GROUP_ID.test(id) ? id : `${target.kind}:sha256:${sha256(id)}`;
}

/** MessageDeduplicationId: hash of target + type + comparable key, so a re-sent webhook adds nothing. */
export function deduplicationIdOf(target: QueueTarget, type: string, comparableKey: string): string {
  return sha256(`${targetId(target)}\n${type}\n${comparableKey}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
