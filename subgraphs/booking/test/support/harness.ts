import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type Config, type DomainEvent, type EventPayloads, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig, type GraphQLResponse } from '@travel/platform/testkit';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { bookings, bookingTransitions, inbox, outbox, segments } from '../../src/db/schema.js';
import { createBookingServer, type BookingServer } from '../../src/server.js';
import { FakeCustomer, FakeInventory, FakePolicy } from './fake-subgraphs.js';

export const BOOKING_FIELDS = `
  id status tripPurpose createdAt confirmedAt
  traveler { id } bookedBy { id } organization { id }
  total { amount currency }
  segments { id kind hold { id } flight { id } seat { id } cabin origin destination carrier flightNumber departAt arriveAt price { amount currency } }
  history { fromStatus toStatus actor { id } reason at }
`;

/** Everything a booking shows, for tests of segments of every kind, traveler details and changes. */
export const FULL_BOOKING_FIELDS = `
  ${BOOKING_FIELDS}
  segments { id kind roomHold { id } packageHold { id } startsAt endsAt supplier description supplierReference hotel { id } travelPackage { id } cancellationPolicy }
  travelerDetails {
    givenNames surname dateOfBirth
    passport { number issuingCountry expiresOn }
    contact { email phone }
    emergencyContact { name relationship phone }
    specialRequests dietaryNeeds accessibilityNeeds
  }
  changes { id segmentId oldHoldId newHoldId oldHold { id } newHold { id } oldPrice { amount currency } newPrice { amount currency } priceDifference { amount currency } actor { id } reason at }
`;

export const CREATE_DRAFT = `mutation ($input: CreateBookingDraftInput!) {
  createBookingDraft(input: $input) { booking { ${BOOKING_FIELDS} } errors { code field message } }
}`;

export const CONFIRM = `mutation ($input: ConfirmBookingInput!) {
  confirmBooking(input: $input) { booking { ${BOOKING_FIELDS} } errors { code field message } }
}`;

export interface BookingView {
  id: string;
  status: string;
  tripPurpose: string | null;
  createdAt: string;
  confirmedAt: string | null;
  traveler: { id: string };
  bookedBy: { id: string };
  organization: { id: string };
  total: { amount: number; currency: string };
  segments: {
    id: string;
    kind: string;
    hold: { id: string } | null;
    flight: { id: string } | null;
    seat: { id: string } | null;
    cabin: string | null;
    origin: string | null;
    destination: string | null;
    carrier: string | null;
    flightNumber: string | null;
    departAt: string | null;
    arriveAt: string | null;
    price: { amount: number; currency: string };
  }[];
  history: { fromStatus: string | null; toStatus: string; actor: { id: string } | null; reason: string | null; at: string }[];
}

export const UPDATE_DETAILS = `mutation ($input: UpdateTravelerDetailsInput!) {
  updateTravelerDetails(input: $input) { booking { ${FULL_BOOKING_FIELDS} } errors { code field message } }
}`;

export const QUOTE = `mutation ($input: QuoteCancellationInput!) {
  quoteCancellation(input: $input) {
    quote {
      id booking { id status } refund { amount currency } secondsBeforeDeparture createdAt expiresAt used
      lines { segmentId policy price { amount currency } refundPercent refund { amount currency } secondsBeforeStart }
    }
    errors { code field message }
  }
}`;

export const CANCEL = `mutation ($input: CancelBookingInput!) {
  cancelBooking(input: $input) { booking { ${BOOKING_FIELDS} } errors { code field message } }
}`;

export const CHANGE = `mutation ($input: ChangeBookingSegmentInput!) {
  changeBookingSegment(input: $input) {
    booking { ${FULL_BOOKING_FIELDS} }
    change { id segmentId oldHoldId newHoldId oldHold { id } newHold { id } oldPrice { amount currency } newPrice { amount currency } priceDifference { amount currency } actor { id } reason at }
    errors { code field message }
  }
}`;

export interface QuoteView {
  id: string;
  booking: { id: string; status: string };
  refund: { amount: number; currency: string };
  secondsBeforeDeparture: number | null;
  createdAt: string;
  expiresAt: string;
  used: boolean;
  lines: {
    segmentId: string;
    policy: string;
    price: { amount: number; currency: string };
    refundPercent: number;
    refund: { amount: number; currency: string };
    secondsBeforeStart: number | null;
  }[];
}

export interface ChangeView {
  id: string;
  segmentId: string;
  oldHoldId: string | null;
  newHoldId: string;
  oldHold: { id: string } | null;
  newHold: { id: string } | null;
  oldPrice: { amount: number; currency: string };
  newPrice: { amount: number; currency: string };
  priceDifference: { amount: number; currency: string };
  actor: { id: string } | null;
  reason: string | null;
  at: string;
}

/** A booking with every field, as FULL_BOOKING_FIELDS selects it. */
export type FullBookingView = Omit<BookingView, 'segments'> & {
  segments: (BookingView['segments'][number] & {
    startsAt: string | null;
    endsAt: string | null;
    supplier: string | null;
    description: string | null;
    supplierReference: string | null;
    hotel: { id: string } | null;
    travelPackage: { id: string } | null;
    cancellationPolicy: string;
    roomHold: { id: string } | null;
    packageHold: { id: string } | null;
  })[];
  travelerDetails: Record<string, unknown> | null;
  changes: ChangeView[];
};

export interface UserErrorView {
  code: string;
  field: string | null;
  message: string;
}

export interface PayloadView {
  booking: BookingView | null;
  errors: UserErrorView[];
}

/** A booking server on port 0 with fake inventory, customer and policy subgraphs and a clock tests can move. */
export class Harness {
  readonly config: Config = testConfig();
  readonly clock = new ManualClock(new Date('2030-03-02T09:00:00.000Z'));
  readonly inventory: FakeInventory;
  readonly customer = new FakeCustomer();
  readonly policy = new FakePolicy();
  runtime!: ProcessRuntime;
  server!: BookingServer;
  url = '';

  /** `anyKindHolds`: inventory also holds hotel rooms and package places. */
  constructor(options: { anyKindHolds?: boolean } = {}) {
    this.inventory = new FakeInventory({ anyKind: options.anyKindHolds ?? false });
  }

  async start(): Promise<this> {
    this.runtime = await createTestRuntime(this.config, this.clock);
    this.runtime.directory.set('inventory', await this.inventory.start(this.config));
    this.runtime.directory.set('customer', await this.customer.start(this.config));
    this.runtime.directory.set('policy', await this.policy.start(this.config));
    this.server = createBookingServer(this.runtime);
    this.runtime.openBus();
    this.url = await this.server.start(0);
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await Promise.all([this.inventory.stop(), this.customer.stop(), this.policy.stop()]);
    await this.runtime?.close();
  }

  /** A person of a brand-new organization (registered with the fake customer subgraph). */
  person(roles: Role[] = ['traveler'], orgId: string = randomUUID()): Viewer {
    const viewer: Viewer = { personId: randomUUID(), orgId, roles };
    this.customer.people.set(viewer.personId, orgId);
    return viewer;
  }

  async gql<T>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T> & { status: number }> {
    return gqlRequest<T>(this.url, query, variables, await routerHeaders(this.config, viewer));
  }

  async createDraft(viewer: Viewer, input: Record<string, unknown>): Promise<PayloadView> {
    const res = await this.gql<{ createBookingDraft: PayloadView }>(viewer, CREATE_DRAFT, { input });
    if (!res.data) throw new Error(`createBookingDraft failed: ${JSON.stringify(res.errors)}`);
    return res.data.createBookingDraft;
  }

  /** A draft on one new active hold; fails the test when the draft is refused. */
  async draft(viewer: Viewer, input: Record<string, unknown> = {}): Promise<BookingView> {
    const hold = this.inventory.add(viewer.orgId, this.clock.now());
    const result = await this.createDraft(viewer, { holdIds: [hold.id], ...input });
    if (!result.booking) throw new Error(`draft refused: ${JSON.stringify(result.errors)}`);
    return result.booking;
  }

  async confirm(viewer: Viewer, input: { bookingId: string; paymentMethod?: string; idempotencyKey?: string; approvalReason?: string }): Promise<PayloadView> {
    const res = await this.gql<{ confirmBooking: PayloadView }>(viewer, CONFIRM, {
      input: { paymentMethod: 'pm_card_visa', idempotencyKey: `key-${randomUUID()}`, ...input },
    });
    if (!res.data) throw new Error(`confirmBooking failed: ${JSON.stringify(res.errors)}`);
    return res.data.confirmBooking;
  }

  async createFull(viewer: Viewer, input: Record<string, unknown>): Promise<{ booking: FullBookingView | null; errors: UserErrorView[] }> {
    const res = await this.gql<{ createBookingDraft: { booking: FullBookingView | null; errors: UserErrorView[] } }>(
      viewer,
      `mutation ($input: CreateBookingDraftInput!) { createBookingDraft(input: $input) { booking { ${FULL_BOOKING_FIELDS} } errors { code field message } } }`,
      { input },
    );
    if (!res.data) throw new Error(`createBookingDraft failed: ${JSON.stringify(res.errors)}`);
    return res.data.createBookingDraft;
  }

  async updateDetails(viewer: Viewer, input: Record<string, unknown>): Promise<{ booking: FullBookingView | null; errors: UserErrorView[] }> {
    const res = await this.gql<{ updateTravelerDetails: { booking: FullBookingView | null; errors: UserErrorView[] } }>(viewer, UPDATE_DETAILS, { input });
    if (!res.data) throw new Error(`updateTravelerDetails failed: ${JSON.stringify(res.errors)}`);
    return res.data.updateTravelerDetails;
  }

  async quote(viewer: Viewer, bookingId: string): Promise<{ quote: QuoteView | null; errors: UserErrorView[] }> {
    const res = await this.gql<{ quoteCancellation: { quote: QuoteView | null; errors: UserErrorView[] } }>(viewer, QUOTE, { input: { bookingId } });
    if (!res.data) throw new Error(`quoteCancellation failed: ${JSON.stringify(res.errors)}`);
    return res.data.quoteCancellation;
  }

  async cancel(viewer: Viewer, input: { quoteId: string; idempotencyKey?: string; reason?: string }): Promise<PayloadView> {
    const res = await this.gql<{ cancelBooking: PayloadView }>(viewer, CANCEL, { input: { idempotencyKey: `key-${randomUUID()}`, ...input } });
    if (!res.data) throw new Error(`cancelBooking failed: ${JSON.stringify(res.errors)}`);
    return res.data.cancelBooking;
  }

  async change(
    viewer: Viewer,
    input: { bookingId: string; segmentId: string; newHoldId: string; idempotencyKey?: string; reason?: string },
  ): Promise<{ booking: FullBookingView | null; change: ChangeView | null; errors: UserErrorView[] }> {
    const res = await this.gql<{ changeBookingSegment: { booking: FullBookingView | null; change: ChangeView | null; errors: UserErrorView[] } }>(viewer, CHANGE, {
      input: { idempotencyKey: `key-${randomUUID()}`, ...input },
    });
    if (!res.data) throw new Error(`changeBookingSegment failed: ${JSON.stringify(res.errors)}`);
    return res.data.changeBookingSegment;
  }

  /** A booking paid for: confirmed by the booker, then payment.authorized for its total. */
  async paid(viewer: Viewer, draft?: BookingView): Promise<BookingView> {
    const booking = draft ?? (await this.draft(viewer));
    this.policy.verdicts.set(booking.id, 'COMPLIANT');
    const confirmed = await this.confirm(viewer, { bookingId: booking.id });
    if (confirmed.booking?.status !== 'PAYMENT_PENDING') throw new Error(`confirm refused: ${JSON.stringify(confirmed.errors)}`);
    await this.deliverFromPayment([
      paymentEvent('payment.authorized', viewer.orgId, { paymentId: randomUUID(), bookingId: booking.id, amount: booking.total.amount, currency: booking.total.currency, provider: 'sandbox' }),
    ]);
    const stored = await this.storedBooking(booking.id);
    if (stored?.status !== 'confirmed') throw new Error(`booking ${booking.id} is ${stored?.status}, not confirmed`);
    return { ...booking, status: 'CONFIRMED' };
  }

  /** A booking moved to payment_pending through a compliant confirmation. */
  async awaitingPayment(viewer: Viewer): Promise<BookingView> {
    const draft = await this.draft(viewer);
    this.policy.verdicts.set(draft.id, 'COMPLIANT');
    const confirmed = await this.confirm(viewer, { bookingId: draft.id });
    if (confirmed.booking?.status !== 'PAYMENT_PENDING') throw new Error(`confirm refused: ${JSON.stringify(confirmed.errors)}`);
    return confirmed.booking;
  }

  /**
   * Publishes events as payment would and returns once booking has handled
   * them. A trailing marker event (for no booking) is handled last, so
   * redeliveries of ids already in the inbox are known to be done too.
   */
  async deliverFromPayment(events: DomainEvent[]): Promise<void> {
    const marker = paymentEvent('payment.failed', randomUUID(), { paymentId: randomUUID(), bookingId: randomUUID(), code: 'marker', message: 'marker' });
    await this.runtime.bus.publish(streamOf('payment'), [...events, marker]);
    const ids = [...new Set([...events.map((e) => e.id), marker.id])];
    await eventually(
      async () => {
        const rows = await this.runtime.db.select({ id: inbox.eventId }).from(inbox).where(inArray(inbox.eventId, ids));
        return rows.length === ids.length ? true : undefined;
      },
      { what: 'booking to handle the payment events' },
    );
  }

  /** Publishes events as policy would and returns once booking has handled every one of them. */
  async deliverFromPolicy(events: DomainEvent[]): Promise<void> {
    await this.runtime.bus.publish(streamOf('policy'), events);
    const ids = [...new Set(events.map((e) => e.id))];
    await eventually(
      async () => {
        const rows = await this.runtime.db.select({ id: inbox.eventId }).from(inbox).where(inArray(inbox.eventId, ids));
        return rows.length === ids.length ? true : undefined;
      },
      { what: 'booking to handle the policy events' },
    );
  }

  async outboxOf(bookingId: string) {
    return this.runtime.db.select().from(outbox).where(eq(outbox.aggregateId, bookingId)).orderBy(asc(outbox.occurredAt), asc(outbox.id));
  }

  async storedBooking(bookingId: string) {
    const [row] = await this.runtime.db.select().from(bookings).where(eq(bookings.id, bookingId));
    return row;
  }

  async transitionsOf(bookingId: string) {
    return this.runtime.db.select().from(bookingTransitions).where(eq(bookingTransitions.bookingId, bookingId)).orderBy(asc(bookingTransitions.sequence));
  }

  /** Rows an organization has in every booking table, to show that a refused command wrote nothing. */
  async rowCounts(orgId: string): Promise<{ bookings: number; segments: number; transitions: number; outbox: number }> {
    const count = sql<number>`count(*)::int`;
    const db = this.runtime.db;
    const [[b], [s], [t], [o]] = await Promise.all([
      db.select({ n: count }).from(bookings).where(eq(bookings.orgId, orgId)),
      db.select({ n: count }).from(segments).where(eq(segments.orgId, orgId)),
      db.select({ n: count }).from(bookingTransitions).where(eq(bookingTransitions.orgId, orgId)),
      db.select({ n: count }).from(outbox).where(eq(outbox.orgId, orgId)),
    ]);
    return { bookings: b!.n, segments: s!.n, transitions: t!.n, outbox: o!.n };
  }
}

/** An event as policy publishes it (approval verdicts). */
export function policyEvent<T extends 'policy.approval.granted' | 'policy.approval.rejected'>(type: T, orgId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'policy', orgId, aggregateId: payload.bookingId, occurredAt: new Date().toISOString(), payload };
}

export function paymentEvent<T extends 'payment.authorized' | 'payment.failed' | 'payment.refunded'>(type: T, orgId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'payment', orgId, aggregateId: payload.paymentId, occurredAt: new Date().toISOString(), payload };
}
