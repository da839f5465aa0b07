import type { CrmContactInput } from '../contact-data/contact';
import type { WebhookRequest } from './request';

/** Secrets and settings the sources read, from lib/config.ts. */
export interface SourceSettings {
  /** Base URL CRMs call (HubSpot signs it), without a trailing slash. */
  readonly publicUrl?: string;
  readonly hubspotClientSecret?: string;
  /** Extra HubSpot properties → CrmContact lists, e.g. { skype_id: 'skype' }. */
  readonly hubspotPropertyMap: Readonly<Record<string, HubspotPropertyTarget>>;
  /** `user:password` */
  readonly pipedriveBasicAuth?: string;
  /** Standard Webhooks secret, `whsec_<base64>`. */
  readonly genericWebhookSecret?: string;
}

export type HubspotPropertyTarget =
  | 'phone' | 'mobile' | 'fax' | 'website' | 'twitter' | 'linkedin' | 'facebook' | 'skype'
  | `im:${string}`;

/**
 * One CRM: which content types it sends, how to verify a call (throws SignatureError) and how
 * to read contacts out of it (throws PayloadError). Sources never talk to Deskpro or SQS.
 */
export interface Source {
  readonly name: string;
  /** Media types (lower-case, no parameters) this CRM sends; anything else is 415. */
  readonly contentTypes: readonly string[];
  /** False when the secret this source needs is not configured: the route then answers 404. */
  isConfigured(settings: SourceSettings): boolean;
  verify(request: WebhookRequest, settings: SourceSettings, now: Date): void;
  parse(request: WebhookRequest, settings: SourceSettings): CrmContactInput[];
}
