import { z } from 'zod';

/**
 * One Deskpro contact-data record in the legacy wire format: `type`, `comment`, `data[...]`
 * (reference/deskpro-api.md §1.2). Every data value is a string because the legacy API is
 * form-encoded. The type names are Deskpro's canonical ones (`linked_in`, `instant_message`).
 */
const value = z.string().max(2048);
const comment = z.string().max(255).default('');

export const AddressRecord = z.object({
  type: z.literal('address'),
  comment,
  data: z.object({ address: value, city: value, state: value, zip: value, country: value }),
});
export const PhoneRecord = z.object({
  type: z.literal('phone'),
  comment,
  data: z.object({ number: value, country_calling_code: value, type: z.enum(['phone', 'mobile', 'fax']) }),
});
export const WebsiteRecord = z.object({ type: z.literal('website'), comment, data: z.object({ url: value }) });
export const TwitterRecord = z.object({
  type: z.literal('twitter'),
  comment,
  data: z.object({ username: value, display_feed: z.enum(['0', '1']) }),
});
export const LinkedInRecord = z.object({ type: z.literal('linked_in'), comment, data: z.object({ profile_url: value }) });
export const FacebookRecord = z.object({ type: z.literal('facebook'), comment, data: z.object({ profile_url: value }) });
export const SkypeRecord = z.object({ type: z.literal('skype'), comment, data: z.object({ username: value }) });
export const InstantMessageRecord = z.object({
  type: z.literal('instant_message'),
  comment,
  data: z.object({ service: z.enum(['aim', 'msn', 'yim', 'icq', 'skype', 'gtalk', 'whatsapp', 'other']), username: value }),
});

export const ContactRecord = z.discriminatedUnion('type', [
  AddressRecord,
  PhoneRecord,
  WebsiteRecord,
  TwitterRecord,
  LinkedInRecord,
  FacebookRecord,
  SkypeRecord,
  InstantMessageRecord,
]);
export type ContactRecord = z.infer<typeof ContactRecord>;
export type ContactType = ContactRecord['type'];
export type RecordOf<T extends ContactType> = Extract<ContactRecord, { type: T }>;
