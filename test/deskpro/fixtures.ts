import type { ContactRecord } from '../../lib/contact-data/record';

/** One record of each of the eight legacy types (deskpro-api.md §1.2), with 555 numbers and example.com. */
export const RECORDS = {
  address: {
    type: 'address',
    comment: 'Work',
    data: { address: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', country: 'United States' },
  },
  phone: { type: 'phone', comment: 'Mobile', data: { number: '555-0100', country_calling_code: '1', type: 'mobile' } },
  website: { type: 'website', comment: '', data: { url: 'https://www.example.com' } },
  twitter: { type: 'twitter', comment: '', data: { username: 'jo_example', display_feed: '1' } },
  linked_in: { type: 'linked_in', comment: '', data: { profile_url: 'https://www.linkedin.com/in/jo-example' } },
  facebook: { type: 'facebook', comment: 'Home', data: { profile_url: 'https://www.facebook.com/jo.example' } },
  skype: { type: 'skype', comment: '', data: { username: 'live:jo.example' } },
  instant_message: { type: 'instant_message', comment: '', data: { service: 'whatsapp', username: '+1 555 0100' } },
} as const satisfies Record<ContactRecord['type'], ContactRecord>;

export const API_KEY = '7:abcdefghijklmnopqrstuvwxy';

export const T0 = Date.parse('2025-03-01T12:00:00Z');
export const unixSeconds = (ms: number): string => String(Math.floor(ms / 1000));

/** Fake time: the clock only moves when the code under test sleeps; every sleep is recorded. */
export function fakeTime() {
  const state = { now: T0, sleeps: [] as number[] };
  return {
    state,
    clock: () => new Date(state.now),
    sleep: async (ms: number) => {
      state.sleeps.push(ms);
      state.now += ms;
    },
    random: () => 0.5,
  };
}
