import { DeskproRateLimitedError } from '../../lib/deskpro/errors';
import { RateGate, rateLimitResetAt } from '../../lib/deskpro/rate-gate';
import { fakeTime, T0, unixSeconds } from './fixtures';

describe('RateGate', () => {
  it('stays open while X-RateLimit-Remaining is above 0', async () => {
    // Prepare
    const time = fakeTime();
    const gate = new RateGate(time);

    // Act
    gate.observe(new Headers({ 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': unixSeconds(T0 + 600_000) }));
    await gate.acquire(0);

    // Assess
    expect(gate.openAt()).toBeUndefined();
    expect(time.state.sleeps).toEqual([]);
  });

  it('closes until X-RateLimit-Reset when X-RateLimit-Remaining reaches 0', () => {
    // Prepare
    const gate = new RateGate(fakeTime());

    // Act
    gate.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(T0 + 600_000) }));

    // Assess
    expect(gate.openAt()).toEqual(new Date(T0 + 600_000));
  });

  it('ignores a spent window whose reset is already past, and headers that are not integers', () => {
    // Prepare
    const gate = new RateGate(fakeTime());

    // Act
    gate.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(T0 - 1000) }));
    gate.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': 'soon' }));
    gate.observe(new Headers({ 'X-RateLimit-Remaining': '0' }));

    // Assess
    expect(gate.openAt()).toBeUndefined();
  });

  it('sleeps until the reset when the wait fits within maxWaitMs', async () => {
    // Prepare
    const time = fakeTime();
    const gate = new RateGate(time);
    gate.closeUntil(new Date(T0 + 3000));

    // Act
    await gate.acquire(3000);

    // Assess
    expect(time.state.sleeps).toEqual([3000]);
    expect(gate.openAt()).toBeUndefined();
  });

  it('throws DeskproRateLimitedError with the reset, without sleeping, when the wait is longer than maxWaitMs', async () => {
    // Prepare
    const time = fakeTime();
    const gate = new RateGate(time);
    gate.closeUntil(new Date(T0 + 3001));

    // Act
    const result = gate.acquire(3000);

    // Assess
    await expect(result).rejects.toThrow(DeskproRateLimitedError);
    await expect(gate.acquire(3000)).rejects.toMatchObject({ resetAt: new Date(T0 + 3001) });
    expect(time.state.sleeps).toEqual([]);
  });

  it('waits again when the gate was closed further while it slept, within the same budget', async () => {
    // Prepare
    const state = { now: T0, sleeps: [] as number[] };
    const gate: RateGate = new RateGate({
      clock: () => new Date(state.now),
      sleep: async (ms) => {
        state.sleeps.push(ms);
        state.now += ms;
        if (state.sleeps.length === 1) gate.closeUntil(new Date(state.now + 2000));
      },
    });
    gate.closeUntil(new Date(T0 + 1000));

    // Act
    await gate.acquire(3000);

    // Assess
    expect(state.sleeps).toEqual([1000, 2000]);
  });

  it('never shortens a closure already in place', () => {
    // Prepare
    const gate = new RateGate(fakeTime());
    gate.closeUntil(new Date(T0 + 60_000));

    // Act
    gate.closeUntil(new Date(T0 + 1000));

    // Assess
    expect(gate.openAt()).toEqual(new Date(T0 + 60_000));
  });
});

describe('rateLimitResetAt', () => {
  const now = new Date(T0);

  it('reads X-RateLimit-Reset as Unix seconds', () => {
    expect(rateLimitResetAt(new Headers({ 'X-RateLimit-Reset': unixSeconds(T0 + 1_800_000) }), now)).toEqual(new Date(T0 + 1_800_000));
  });

  it('prefers X-RateLimit-Reset over Retry-After', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': unixSeconds(T0 + 1_800_000), 'Retry-After': '5' });
    expect(rateLimitResetAt(headers, now)).toEqual(new Date(T0 + 1_800_000));
  });

  it('reads Retry-After in seconds', () => {
    expect(rateLimitResetAt(new Headers({ 'Retry-After': '120' }), now)).toEqual(new Date(T0 + 120_000));
  });

  it('reads Retry-After as an HTTP date', () => {
    expect(rateLimitResetAt(new Headers({ 'Retry-After': 'Sat, 01 Mar 2025 12:05:00 GMT' }), now)).toEqual(
      new Date('2025-03-01T12:05:00Z'),
    );
  });

  it('falls back to one minute from now', () => {
    expect(rateLimitResetAt(new Headers(), now)).toEqual(new Date(T0 + 60_000));
  });

  it('keeps at least one second when the reset is already past (clock skew)', () => {
    expect(rateLimitResetAt(new Headers({ 'X-RateLimit-Reset': unixSeconds(T0 - 10_000) }), now)).toEqual(new Date(T0 + 1000));
  });
});

describe('garbled reset headers', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('never shuts the gate for more than a day, whatever the header says', () => {
    const time = fakeTime();
    const gate = new RateGate(time);

    gate.observe(headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '99999999999999' }), new Date(T0));

    expect(gate.openAt(new Date(T0))).toEqual(new Date(T0 + 24 * 3_600_000));
  });

  it('reads a reset sent in milliseconds as milliseconds', () => {
    const time = fakeTime();
    const gate = new RateGate(time);

    gate.observe(headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(T0 + 90_000) }), new Date(T0));

    expect(gate.openAt(new Date(T0))).toEqual(new Date(T0 + 90_000));
  });

  it('bounds a 429 reset and a Retry-After the same way', () => {
    expect(rateLimitResetAt(headers({ 'X-RateLimit-Reset': '99999999999999999999' }), new Date(T0))).toEqual(new Date(T0 + 60_000));
    expect(rateLimitResetAt(headers({ 'Retry-After': '999999999' }), new Date(T0))).toEqual(new Date(T0 + 24 * 3_600_000));
    expect(rateLimitResetAt(headers({ 'X-RateLimit-Reset': unixSeconds(T0 + 120_000) }), new Date(T0))).toEqual(new Date(T0 + 120_000));
  });
});
