import * as actions from './handlers';
import { apiError, type Handler, type SimResponse } from './handlers';

interface Route {
  readonly pattern: RegExp;
  readonly methods: Readonly<Record<string, Handler>>;
  /** False for `GET /api/misc/rate-limit`, which the limiter neither checks nor counts. */
  readonly counted: boolean;
}

export interface MatchedRoute {
  readonly handler: Handler;
  readonly ids: readonly number[];
  readonly counted: boolean;
}

/** The legacy route table (deskpro-api.md §2.1, `api-routing.php`, mounted under `/api`). */
const ROUTES: readonly Route[] = [
  ...(['person', 'organization'] as const).flatMap((kind): Route[] => {
    const base = `^/api/${actions.SEGMENT[kind]}`;
    const create = kind === 'person' ? actions.createPerson : actions.createOrganization;
    return [
      { pattern: new RegExp(`${base}$`), methods: { GET: actions.search(kind), POST: create }, counted: true },
      { pattern: new RegExp(`${base}/(\\d+)$`), methods: { GET: actions.getOne(kind) }, counted: true },
      {
        pattern: new RegExp(`${base}/(\\d+)/contact-details$`),
        methods: { GET: actions.listDetails(kind), POST: actions.addDetail(kind) },
        counted: true,
      },
      {
        pattern: new RegExp(`${base}/(\\d+)/contact-details/(\\d+)$`),
        methods: { GET: actions.detailExists(kind), DELETE: actions.deleteDetail(kind) },
        counted: true,
      },
    ];
  }),
  { pattern: /^\/api\/misc\/rate-limit$/, methods: { GET: actions.rateLimitStatus }, counted: false },
];

/** Route lookup: ids must be digits (the routes' `\d+` requirements), anything else is a routing 404. */
export function matchRoute(method: string, path: string): MatchedRoute | SimResponse {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const handler = Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
    if (handler) return { handler, ids: match.slice(1).map(Number), counted: route.counted };
    const allow = Object.keys(route.methods).join(', ');
    const message = `No route found for "${method} ${path}": Method Not Allowed (Allow: ${allow})`;
    return { ...apiError('http_error.405', message, 405), headers: { Allow: allow } };
  }
  return apiError('http_error.404', `No route found for "${method} ${path}"`, 404);
}
