import { generic } from './generic';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import type { Source } from './source';

/** Every CRM we accept, by the name in the route `POST /webhooks/{source}`. */
export const sources: Readonly<Record<string, Source>> = Object.freeze({ hubspot, pipedrive, generic });

/** Own keys only: a route like `/webhooks/constructor` must not find Object.prototype members. */
export function findSource(name: string): Source | undefined {
  return Object.hasOwn(sources, name) ? sources[name] : undefined;
}

export type { Source, SourceSettings, HubspotPropertyTarget } from './source';
export type { WebhookRequest } from './request';
