import { randomUUID } from 'node:crypto';
import { ManualClock, type Config, type ProcessRuntime, type Viewer } from '@travel/platform';
import { createTestRuntime, gqlRequest, routerHeaders, testConfig, type GraphQLResponse } from '@travel/platform/testkit';
import { createPolicyServer, type PolicyServer } from '../src/server.js';
import { startFakeBookingSubgraph, startFakeCustomerSubgraph, type FakeBooking, type FakePerson, type FakeSegment, type FakeSubgraph } from './fake-subgraphs.js';

const HOUR_MS = 3_600_000;

/** The policy server against fake booking and customer subgraphs, with fixtures tests can add to and change. */
export class PolicyHarness {
  readonly bookings = new Map<string, FakeBooking>();
  readonly people = new Map<string, FakePerson>();
  url = '';
  private fakes: FakeSubgraph[] = [];

  private constructor(
    readonly config: Config,
    readonly runtime: ProcessRuntime,
    readonly server: PolicyServer,
    readonly clock: ManualClock,
  ) {}

  static async start(now: Date): Promise<PolicyHarness> {
    const config = testConfig();
    const clock = new ManualClock(now);
    const runtime = await createTestRuntime(config, clock);
    const harness = new PolicyHarness(config, runtime, createPolicyServer(runtime), clock);
    const [booking, customer] = await Promise.all([
      startFakeBookingSubgraph(harness.bookings, config.INTERNAL_SECRET),
      startFakeCustomerSubgraph(harness.people, config.INTERNAL_SECRET),
    ]);
    harness.fakes = [booking, customer];
    runtime.directory.set('booking', booking.url);
    runtime.directory.set('customer', customer.url);
    runtime.openBus();
    harness.url = await harness.server.start(0);
    return harness;
  }

  async close(): Promise<void> {
    await this.server.stop();
    await Promise.all(this.fakes.map((f) => f.stop()));
    await this.runtime.close();
  }

  /** A fresh organization and a traveler in it signed in as the caller. */
  newOrganization(traveler: Pick<FakePerson, 'level' | 'department'> = { level: 'MANAGER', department: 'Sales' }): { orgId: string; viewer: Viewer; travelerId: string } {
    const orgId = randomUUID();
    const travelerId = this.addPerson(orgId, traveler);
    return { orgId, travelerId, viewer: { personId: travelerId, orgId, roles: ['traveler'] } };
  }

  addPerson(orgId: string, person: Pick<FakePerson, 'level' | 'department'>): string {
    const id = randomUUID();
    this.people.set(id, { id, orgId, ...person });
    return id;
  }

  addBooking(orgId: string, travelerId: string, segments: FakeSegment[]): string {
    const id = randomUUID();
    const amount = segments.reduce((sum, s) => sum + s.price.amount, 0);
    this.bookings.set(id, { id, orgId, travelerId, total: { amount, currency: 'USD' }, segments });
    return id;
  }

  /** A flight leaving `daysAhead` days after the clock's now. */
  flight(cabin: NonNullable<FakeSegment['cabin']>, daysAhead: number, minutes: number, amount: number): FakeSegment {
    const departAt = this.clock.now().getTime() + daysAhead * 24 * HOUR_MS + HOUR_MS;
    return {
      kind: 'FLIGHT',
      cabin,
      departAt: new Date(departAt).toISOString(),
      arriveAt: new Date(departAt + minutes * 60_000).toISOString(),
      price: { amount, currency: 'USD' },
    };
  }

  async request<T>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T> & { status: number }> {
    return gqlRequest<T>(this.url, query, variables, await routerHeaders(this.config, viewer));
  }
}
