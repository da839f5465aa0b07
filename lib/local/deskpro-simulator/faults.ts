/**
 * Fault injection. `before`: answer `status` without applying the request (an outage in front of
 * Deskpro). `after`: apply the request, then answer `status` instead of the real answer (a lost
 * response). `delayMs` holds the answer back; with no `status` the real answer is sent, late.
 */
export interface FaultSpec {
  readonly method: string;
  /** Tested against the path without the query string. */
  readonly path: RegExp;
  readonly status?: number;
  readonly phase: 'before' | 'after';
  readonly times?: number;
  readonly delayMs?: number;
  /** Extra response headers for the faulty answer (e.g. `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RecurringFaultSpec extends Omit<FaultSpec, 'times'> {
  /** Every `every`-th matching request fails (the n-th, 2n-th, …). */
  readonly every: number;
}

export type Fault = Pick<FaultSpec, 'status' | 'phase' | 'delayMs' | 'headers'>;

interface Planned {
  readonly spec: FaultSpec | RecurringFaultSpec;
  remaining: number; // failNext: answers left to spoil
  seen: number; // failEvery: matching requests so far
}

export class FaultPlan {
  private planned: Planned[] = [];

  failNext(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
    this.planned.push({ spec, remaining: times, seen: 0 });
  }

  failEvery(spec: RecurringFaultSpec): void {
    if (!Number.isInteger(spec.every) || spec.every < 1) throw new RangeError('every must be a positive integer');
    this.planned.push({ spec, remaining: Infinity, seen: 0 });
  }

  clear(): void {
    this.planned = [];
  }

  /** The fault for this request, if one is due; every matching plan counts the request. */
  take(method: string, path: string): Fault | undefined {
    let due: Fault | undefined;
    for (const plan of this.planned) {
      const { spec } = plan;
      if (spec.method.toUpperCase() !== method.toUpperCase() || !spec.path.test(path)) continue;
      plan.seen += 1;
      const fires = 'every' in spec ? plan.seen % spec.every === 0 : plan.remaining > 0;
      if (!fires || due) continue;
      if (!('every' in spec)) plan.remaining -= 1;
      due = { status: spec.status, phase: spec.phase, delayMs: spec.delayMs, headers: spec.headers };
    }
    this.planned = this.planned.filter((plan) => plan.remaining > 0);
    return due;
  }
}
