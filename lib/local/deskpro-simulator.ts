import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TargetKind } from '../deskpro/types';
import { applyContactData, contactDetailView, type ContactDetailView } from './deskpro-simulator/contact-types';
import { FaultPlan, type Fault, type FaultSpec, type RecurringFaultSpec } from './deskpro-simulator/faults';
import { apiError, type SimResponse } from './deskpro-simulator/handlers';
import { parsePhpForm } from './deskpro-simulator/php-form';
import { FixedWindow } from './deskpro-simulator/rate-limit';
import { matchRoute } from './deskpro-simulator/routes';
import { SimulatorStore } from './deskpro-simulator/store';
import { readBody } from './read-body';

export type { ContactDetailView } from './deskpro-simulator/contact-types';
export type { FaultSpec, RecurringFaultSpec } from './deskpro-simulator/faults';

export interface DeskproSimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The one `X-DeskPRO-API-Key` value accepted, `<id>:<code>`. */
  apiKey: string;
  /** Off when absent, as on self-hosted Deskpro; Deskpro Cloud uses 1000 an hour. */
  rateLimit?: { limit: number; windowSeconds?: number };
  clock?: () => Date;
  /** Larger bodies are answered 413 (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface SimulatedRequest {
  readonly method: string;
  /** Without the query string. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  readonly body: string;
  readonly status: number;
  /** When the request arrived (simulator clock, epoch ms). */
  readonly receivedAt: number;
  /** Response headers, e.g. `X-RateLimit-Reset`. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface DeskproSimulator {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** Every answered request, in answer order. */
  readonly requests: readonly SimulatedRequest[];
  stop(): Promise<void>;
  addPerson(person: { name: string; email: string; emails?: readonly string[] }): number;
  addOrganization(organization: { name: string }): number;
  /** Seeds a row through the same handler as `POST …/contact-details`; throws what that would answer 400. */
  addContactData(kind: TargetKind, id: number, record: { type: string; comment?: string; data: Readonly<Record<string, string>> }): number;
  /** Stored rows as `GET …/contact-details` lists them. */
  contactData(kind: TargetKind, id: number): ContactDetailView[];
  people(): Array<{ id: number; name: string; emails: string[] }>;
  organizations(): Array<{ id: number; name: string }>;
  failNext(fault: FaultSpec): void;
  failEvery(fault: RecurringFaultSpec): void;
  clearFaults(): void;
}

/**
 * A local stand-in for a legacy Deskpro helpdesk (deskpro-api.md §2.1, §3): form bodies only (a
 * JSON body is not parsed), key auth, substring search, keyed collections, 201 + absolute
 * `Location`, the legacy error codes, rate-limit headers and 429, and no deduplication.
 */
export async function startDeskproSimulator(options: DeskproSimulatorOptions): Promise<DeskproSimulator> {
  const clock = options.clock ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const store = new SimulatorStore();
  const faults = new FaultPlan();
  const window = options.rateLimit && new FixedWindow(options.rateLimit.limit, options.rateLimit.windowSeconds ?? 3600);
  const requests: SimulatedRequest[] = [];
  const pendingDelays = new Set<() => void>();
  let url = '';

  const delay = (ms: number | undefined): Promise<void> =>
    ms
      ? new Promise((resolve) => {
          const done = (): void => {
            clearTimeout(timer);
            pendingDelays.delete(done);
            resolve();
          };
          const timer = setTimeout(done, ms);
          pendingDelays.add(done);
        })
      : Promise.resolve();

  const nowSeconds = (): number => Math.floor(clock().getTime() / 1000);

  /** Routing, then auth, then the rate limit, then the action (`AbstractController::preAction`). */
  function apply(method: string, path: string, query: string, req: IncomingMessage, body: string): SimResponse {
    const route = matchRoute(method, path);
    if ('status' in route) return route;
    if (req.headers['x-deskpro-api-key'] !== options.apiKey) {
      const refused = apiError('invalid_auth', 'Please provide a valid API key or token', 401);
      return { ...refused, headers: { 'WWW-Authenticate': 'Basic realm="API"' } };
    }
    let rateHeaders: Record<string, string> = {};
    if (window && route.counted) {
      const taken = window.take(nowSeconds());
      if (!taken.allowed) return { ...apiError('rate_limit_exceeded', 'Rate Limit Exceeded', 429), headers: taken.headers };
      rateHeaders = taken.headers;
    }
    // PHP fills $_POST only from a form content type; $_REQUEST lets the body override the query.
    const isForm = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    const params = new Map([...parsePhpForm(query), ...(isForm ? parsePhpForm(body) : new Map())]);
    const rateLimit = () => (window ? window.status(nowSeconds()) : undefined);
    const answer = route.handler({ store, params, baseUrl: url, rateLimit }, route.ids);
    return { ...answer, headers: { ...answer.headers, ...rateHeaders } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = clock().getTime();
    const method = (req.method ?? 'GET').toUpperCase();
    const target = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = target.search.slice(1);
    const body = (await readBody(req, maxBodyBytes))?.toString('utf8');
    let answer: SimResponse;
    if (body === undefined) {
      answer = apiError('http_error.413', `Request body is larger than ${maxBodyBytes} bytes`, 413);
    } else {
      const fault = faults.take(method, target.pathname);
      const applied = fault?.phase === 'before' ? undefined : apply(method, target.pathname, query, req, body);
      await delay(fault?.delayMs);
      answer = fault?.status !== undefined ? faultAnswer(fault) : applied ?? apply(method, target.pathname, query, req, body);
    }
    requests.push({ method, path: target.pathname, query, body: body ?? '', status: answer.status, receivedAt, headers: { ...answer.headers } });
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error_code: 'http_error.500', error_message: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ownerOrThrow = (kind: TargetKind, id: number) => {
    const owner = store.owner(kind, id);
    if (!owner) throw new Error(`simulator has no ${kind} ${id}`);
    return owner;
  };

  return {
    url,
    requests,
    async stop() {
      for (const release of [...pendingDelays]) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    addPerson({ name, email, emails = [] }) {
      const all = [email, ...emails];
      if (all.some((address) => store.emailInUse(address))) throw new Error('simulator: email already exists');
      return store.addPerson(name, all).id;
    },
    addOrganization: ({ name }) => store.addOrganization(name).id,
    addContactData(kind, id, record) {
      const owner = ownerOrThrow(kind, id);
      const applied = applyContactData(record.type, new Map(Object.entries(record.data)));
      if (!applied.ok) throw new Error(`simulator: ${applied.error}`);
      return store.addContactRow(kind, owner, record.type, record.comment ?? '', applied.columns).id;
    },
    contactData: (kind, id) => ownerOrThrow(kind, id).contactData.map(contactDetailView),
    people: () => [...store.people.values()].map(({ id, name, emails }) => ({ id, name, emails: [...emails] })),
    organizations: () => [...store.organizations.values()].map(({ id, name }) => ({ id, name })),
    failNext: (fault) => faults.failNext(fault),
    failEvery: (fault) => faults.failEvery(fault),
    clearFaults: () => faults.clear(),
  };
}

function faultAnswer(fault: Fault): SimResponse {
  const status = fault.status ?? 500;
  return { ...apiError(`http_error.${status}`, 'Simulated fault', status), headers: fault.headers };
}
