import { z } from 'zod';

/**
 * The canonical contact every source maps into (design.md, "The canonical contact").
 * The generic source accepts it directly, so this schema is also a public wire format.
 */
const label = z.string().trim().max(255).optional();
const text = (max: number) => z.string().max(max);

export const CrmPhone = z.object({
  number: text(100),
  kind: z.enum(['phone', 'mobile', 'fax']).optional(),
  label,
});
export type CrmPhone = z.infer<typeof CrmPhone>;

export const CrmAddress = z.object({
  street: text(1000).optional(),
  city: text(255).optional(),
  state: text(255).optional(),
  zip: text(64).optional(),
  country: text(255).optional(),
  label,
});
export type CrmAddress = z.infer<typeof CrmAddress>;

const urlItem = z.object({ url: text(2048), label });
export const CrmWebsite = urlItem;
export type CrmWebsite = z.infer<typeof CrmWebsite>;

export const CrmTwitter = z.object({ handle: text(2048), label });
export type CrmTwitter = z.infer<typeof CrmTwitter>;

export const CrmSkype = z.object({ username: text(255), label });
export type CrmSkype = z.infer<typeof CrmSkype>;

export const CrmInstantMessage = z.object({ service: text(64), username: text(255), label });
export type CrmInstantMessage = z.infer<typeof CrmInstantMessage>;

export const CrmOrigin = z.object({
  source: z.string().min(1).max(64),
  objectId: z.string().max(255).optional(),
  eventId: z.string().max(255).optional(),
  occurredAt: z.string().max(64).optional(),
});
export type CrmOrigin = z.infer<typeof CrmOrigin>;

const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(100).default([]);

export const CrmContact = z
  .object({
    kind: z.enum(['person', 'organization']),
    email: z.email().max(254).optional(),
    name: z.string().trim().min(1).max(255).optional(),
    crm: CrmOrigin,
    phones: many(CrmPhone),
    addresses: many(CrmAddress),
    websites: many(CrmWebsite),
    twitter: many(CrmTwitter),
    linkedin: many(urlItem),
    facebook: many(urlItem),
    skype: many(CrmSkype),
    instant_messages: many(CrmInstantMessage),
  })
  .superRefine((contact, ctx) => {
    if (contact.kind === 'person' && !contact.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'a person needs an email: Deskpro people are matched by email' });
    }
    if (contact.kind === 'organization' && !contact.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'an organization needs a name: Deskpro organizations are matched by name' });
    }
  });
export type CrmContact = z.infer<typeof CrmContact>;
/** What a source mapper builds: list fields may be left out and default to []. */
export type CrmContactInput = z.input<typeof CrmContact>;
