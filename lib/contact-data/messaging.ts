import { foldText } from './fold';
import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';

export type SkypeData = RecordOf<'skype'>['data'];
export type InstantMessageData = RecordOf<'instant_message'>['data'];
export type ImService = InstantMessageData['service'];

// Names CRMs give a messenger, folded with spaces removed, to Deskpro's service values.
const SERVICES = new Map<string, ImService>(
  Object.entries({
    aim: ['aim', 'aol', 'aolim', 'aolinstantmessenger'],
    msn: ['msn', 'msnmessenger', 'windowslive', 'livemessenger', 'windowslivemessenger'],
    yim: ['yim', 'yahoo', 'yahoomessenger', 'ymsgr'],
    icq: ['icq'],
    skype: ['skype'],
    // Pipedrive labels a Google Talk account plain "google".
    gtalk: ['gtalk', 'google', 'googletalk', 'hangouts', 'googlehangouts', 'googlechat', 'gchat'],
    whatsapp: ['whatsapp'],
  } satisfies Record<Exclude<ImService, 'other'>, string[]>).flatMap(([service, names]) =>
    names.map((name) => [name, service as ImService] as const),
  ),
);

/**
 * A Skype name, trimmed. `live:` ids are kept whole (the prefix is part of the id); a
 * `skype:<name>?call` link gives the name.
 */
export function normalizeSkype(raw: string): Normalized<SkypeData> {
  const text = raw.trim();
  const username = (/^(?:skype:)+([^?]*)/i.exec(text)?.[1] ?? text).trim();
  return username ? ok({ username }) : skip('empty');
}

/** Skype names are case-insensitive. */
export function skypeKey(data: SkypeData): string {
  return `skype:${data.username.toLowerCase()}`;
}

/** An IM account: the service mapped to Deskpro's list (unknown ones are `other`), the username trimmed. */
export function normalizeInstantMessage(service: string, username: string): Normalized<InstantMessageData> {
  const mapped = imService(service);
  if (mapped === 'skype') {
    const skype = normalizeSkype(username);
    return skype.ok ? ok({ service: mapped, username: skype.data.username }) : skype;
  }
  const trimmed = username.trim();
  return trimmed ? ok({ service: mapped, username: trimmed }) : skip('empty');
}

/**
 * `<service>:<username>`. Deskpro's agent UI saves Skype ids as IM/skype, so an IM on skype has
 * the key of a skype record and the two count as the same value.
 */
export function instantMessageKey(data: InstantMessageData): string {
  return data.service === 'skype' ? skypeKey(data) : `${data.service}:${data.username.toLowerCase()}`;
}

export function imService(service: string): ImService {
  return SERVICES.get(foldText(service).replace(/ /g, '')) ?? 'other';
}
