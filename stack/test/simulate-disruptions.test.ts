import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, testConfig } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playDisruptions } from '../src/disruption-simulator.js';
import { startStack, type Stack } from '../src/stack.js';
import { bookConfirmed, createDisruptionFixture, type DisruptionFixture } from './disruption.fixtures.js';
import { client } from './journey.js';

describe('the disruption simulator', () => {
  let runtime: ProcessRuntime;
  let stack: Stack;
  let fx: DisruptionFixture;

  beforeAll(async () => {
    runtime = await createTestRuntime(testConfig());
    stack = await startStack(runtime);
    fx = await createDisruptionFixture(stack.servers);
  });
  afterAll(async () => {
    await stack?.stop();
    await runtime?.close();
  });

  it('plays its sequence through the router on the flights the organization booked, which disrupts their bookings', async () => {
    const traveler = client(stack.routerUrl);
    await traveler.signIn(fx.travelerEmail, fx.password);
    const { bookingId } = await bookConfirmed(traveler, fx.flightId);

    const outcomes = await playDisruptions({ routerUrl: stack.routerUrl, opsEmail: fx.opsEmail, adminEmail: fx.adminEmail, password: fx.password, intervalMs: 0 });
    expect(outcomes.slice(0, 5).map((o) => [o.flightId, o.change, o.status, o.errors])).toEqual([
      [fx.flightId, 'GATE_CHANGED', 'SCHEDULED', []],
      [fx.flightId, 'DELAYED', 'DELAYED', []],
      [fx.flightId, 'DELAYED', 'DELAYED', []],
      [fx.flightId, 'DELAYED', 'DELAYED', []],
      [fx.flightId, 'CANCELED', 'CANCELED', []],
    ]);
    const severities = await eventually(
      async () => {
        const { booking } = await traveler.send<{ booking: { status: string; disruptions: { severity: string }[] } }>(`query ($id: ID!) { booking(id: $id) { status disruptions { severity } } }`, { id: bookingId });
        return booking.disruptions.length === 5 ? booking : undefined;
      },
      { what: 'five disruptions of the booking', timeoutMs: 15_000 },
    );
    expect(severities).toEqual({ status: 'REQUIRES_ATTENTION', disruptions: ['LOW', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((severity) => ({ severity })) });
  });
});
