import { createHash } from 'node:crypto';
import { DomainError, type Clock, type DomainEvent, type Logger, type Role, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import { CABINS, type BookingRow, type Cabin, type SegmentRow } from '../db/schema.js';
import { assertTransition, INITIAL_STATUS, replayTransitions, type BookingStatus } from './booking-state-machine.js';
import type { BookingsRepository, NewSegment } from './bookings.repository.js';
import type { EntityReads, HoldSnapshot } from './entity-reads.js';
import type { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

const BOOKS_FOR_OTHERS: readonly Role[] = ['arranger', 'travel_admin'];
/** Besides the traveler and the booker, who may confirm (and so pay for) a booking. */
const CONFIRMS_FOR_OTHERS: readonly Role[] = ['arranger', 'travel_admin'];
const CONFIRM_OPERATION = 'confirmBooking';
const MAX_HOLDS = 10;

const createDraftInput = z.object({
  travelerId: z.guid({ error: 'travelerId is not a valid id' }).nullish(),
  holdIds: z
    .array(z.string().min(1, { error: 'a hold id is empty' }).max(255))
    .min(1, { error: 'holdIds needs at least one hold' })
    .max(MAX_HOLDS, { error: `holdIds takes at most ${MAX_HOLDS} holds` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'holdIds lists a hold twice' }),
  tripPurpose: z.string().trim().max(500, { error: 'tripPurpose is longer than 500 characters' }).nullish(),
});

const confirmInput = z.object({
  bookingId: z.string().min(1, { error: 'bookingId is required' }),
  // A payment method token (Stripe's pm_…), never raw card data: card numbers must not reach booking's outbox or the event stream.
  paymentMethod: z
    .string()
    .trim()
    .regex(/^pm_[A-Za-z0-9_]{1,250}$/, { error: 'paymentMethod must be a payment method id such as pm_card_visa, not card details' }),
  idempotencyKey: z
    .string()
    .min(8, { error: 'idempotencyKey needs at least 8 characters' })
    .max(255, { error: 'idempotencyKey takes at most 255 characters' }),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('VALIDATION_FAILED', issue.message, issue.path.join('.') || null);
  }
  return parsed.data;
}

function toCabin(value: string | null | undefined): Cabin | null {
  const lower = value?.toLowerCase();
  return (CABINS as readonly string[]).includes(lower ?? '') ? (lower as Cabin) : null;
}

/** PostgreSQL unique violation, whichever driver raised it and however drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 5; depth += 1) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

interface Move {
  actorId: string | null;
  reason: string | null;
  at: Date;
}

export class BookingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingsRepository,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly reads: EntityReads,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Turns active holds into a draft. Everything other subgraphs must say is
   * read before the transaction opens; the transaction only writes.
   */
  async createDraft(viewer: Viewer, identity: string, input: unknown): Promise<BookingRow> {
    const data = parse(createDraftInput, input);
    const travelerId = data.travelerId ?? viewer.personId;
    if (travelerId !== viewer.personId) {
      if (!viewer.roles.some((r) => BOOKS_FOR_OTHERS.includes(r))) {
        throw new DomainError('FORBIDDEN', 'Booking for someone else needs the arranger or travel admin role', 'travelerId');
      }
      if (!(await this.reads.personExists(travelerId, identity))) {
        throw new DomainError('NOT_FOUND', `Traveler ${travelerId} not found in your organization`, 'travelerId');
      }
    }
    const holds = this.checkHolds(data.holdIds, await this.reads.holds(data.holdIds, identity));
    const currency = holds[0]!.price.currency;
    const total = holds.reduce((sum, h) => sum + h.price.amount, 0);
    const tripPurpose = data.tripPurpose ? data.tripPurpose : null;

    try {
      return await this.uow.run(async ({ tx, emit }) => {
        const used = await this.bookings.usedHoldIds(data.holdIds, tx);
        if (used.length > 0) throw new DomainError('CONFLICT', `Hold ${used[0]} is already part of a booking`, 'holdIds');
        const now = this.clock.now();
        const booking = await this.bookings.insert(
          {
            orgId: viewer.orgId,
            travelerId,
            bookedById: viewer.personId,
            status: INITIAL_STATUS,
            totalMinor: total,
            currency,
            tripPurpose,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        );
        await this.bookings.insertSegments(
          holds.map((h, position) => this.segmentOf(booking, h, position)),
          tx,
        );
        await this.record(tx, booking, null, INITIAL_STATUS, { actorId: viewer.personId, reason: null, at: now });
        await emit({
          type: 'booking.drafted',
          orgId: booking.orgId,
          aggregateId: booking.id,
          payload: { bookingId: booking.id, travelerId, amount: total, currency, holdIds: data.holdIds },
        });
        return booking;
      });
    } catch (error) {
      // Two drafts racing for one hold both pass the check above; the unique index stops the second.
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'A hold is already part of a booking', 'holdIds');
      throw error;
    }
  }

  private checkHolds(ids: readonly string[], found: (HoldSnapshot | null)[]): HoldSnapshot[] {
    const now = this.clock.now().getTime();
    const holds = ids.map((id, i) => {
      const hold = found[i];
      if (!hold) throw new DomainError('NOT_FOUND', `Hold ${id} not found`, 'holdIds');
      if (hold.status !== 'ACTIVE') throw new DomainError('HOLD_NOT_ACTIVE', `Hold ${id} is ${hold.status.toLowerCase()}, not active`, 'holdIds');
      if (Date.parse(hold.expiresAt) <= now) throw new DomainError('HOLD_EXPIRED', `Hold ${id} expired at ${hold.expiresAt}`, 'holdIds');
      return hold;
    });
    const currencies = new Set(holds.map((h) => h.price.currency));
    if (currencies.size > 1) {
      throw new DomainError('VALIDATION_FAILED', `Holds are priced in several currencies (${[...currencies].join(', ')}); book them separately`, 'holdIds');
    }
    return holds;
  }

  private segmentOf(booking: BookingRow, hold: HoldSnapshot, position: number): NewSegment {
    return {
      bookingId: booking.id,
      orgId: booking.orgId,
      position,
      kind: 'flight',
      holdId: hold.id,
      flightId: hold.flight.id,
      seatId: hold.seat.id,
      cabin: toCabin(hold.seat.cabin),
      origin: hold.flight.origin.code,
      destination: hold.flight.destination.code,
      carrier: hold.flight.airline.code,
      flightNumber: hold.flight.flightNumber,
      departAt: new Date(hold.flight.departureAt),
      arriveAt: new Date(hold.flight.arrivalAt),
      priceMinor: hold.price.amount,
      currency: hold.price.currency,
    };
  }

  /**
   * Confirms a draft according to its policy verdict. The idempotency row is
   * the first write of the transaction: a concurrent call with the same key
   * waits on its primary key and then replays instead of acting twice.
   */
  async confirm(viewer: Viewer, identity: string, input: unknown): Promise<BookingRow> {
    const data = parse(confirmInput, input);
    const requestHash = createHash('sha256').update(JSON.stringify([data.bookingId, data.paymentMethod])).digest('hex');
    const replayed = await this.replay(viewer.orgId, data.idempotencyKey, requestHash);
    if (replayed) return replayed;

    const [booking] = await this.bookings.findByIds(viewer.orgId, [data.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
    const own = viewer.personId === booking.travelerId || viewer.personId === booking.bookedById;
    if (!own && !viewer.roles.some((r) => CONFIRMS_FOR_OTHERS.includes(r))) {
      throw new DomainError('FORBIDDEN', 'Only the traveler, the booker, an arranger or a travel admin may confirm this booking', 'bookingId');
    }
    if (booking.status !== 'draft') throw new DomainError('INVALID_TRANSITION', `Booking is ${booking.status}; only drafts can be confirmed`, 'bookingId');

    const verdict = await this.reads.policyVerdict(booking.id, identity);
    if (verdict === null) throw new DomainError('POLICY_NOT_EVALUATED', 'Evaluate the travel policy for this booking first', 'bookingId');
    if (verdict === 'HARD_STOP') throw new DomainError('POLICY_BLOCKED', 'The travel policy does not allow this booking', 'bookingId');
    const target: BookingStatus = verdict === 'COMPLIANT' ? 'payment_pending' : 'pending_approval';

    return this.uow.run(async ({ tx, emit }) => {
      const now = this.clock.now();
      const claimed = await this.idempotencyKeys.claim(
        { orgId: viewer.orgId, operation: CONFIRM_OPERATION, key: data.idempotencyKey, requestHash, bookingId: booking.id, createdAt: now },
        tx,
      );
      if (!claimed) {
        const again = await this.replay(viewer.orgId, data.idempotencyKey, requestHash, tx);
        if (again) return again;
        throw new Error(`idempotency key of ${booking.id} vanished while claimed`);
      }
      const current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
      if (!current) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      // Another key may have confirmed it meanwhile; the verdict read above was for a draft.
      if (current.status !== 'draft') throw new DomainError('INVALID_TRANSITION', `Booking is ${current.status}; only drafts can be confirmed`, 'bookingId');
      const reason = target === 'payment_pending' ? 'Policy compliant' : 'Policy soft warning: approval required';
      const moved = await this.move(tx, current, target, { actorId: viewer.personId, reason, at: now });
      if (target === 'payment_pending') {
        await emit({
          type: 'booking.confirmation_requested',
          orgId: moved.orgId,
          aggregateId: moved.id,
          payload: {
            bookingId: moved.id,
            travelerId: moved.travelerId,
            amount: moved.totalMinor,
            currency: moved.currency,
            paymentMethod: data.paymentMethod,
            idempotencyKey: `booking:${moved.id}:authorize`,
          },
        });
      }
      return moved;
    });
  }

  /** The booking a key already produced, if it did; a reused key with other input is refused. */
  private async replay(orgId: string, key: string, requestHash: string, db?: WorkScope['tx']): Promise<BookingRow | undefined> {
    const row = await this.idempotencyKeys.find(orgId, CONFIRM_OPERATION, key, db);
    if (!row) return undefined;
    if (row.requestHash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_CONFLICT', 'This idempotency key was already used with a different booking or payment method', 'idempotencyKey');
    }
    const [booking] = await this.bookings.findByIds(orgId, [row.bookingId], db);
    return booking;
  }

  /** payment.authorized: the money is there, so the booking is confirmed (once). */
  async onPaymentAuthorized(event: DomainEvent<'payment.authorized'>, { tx, emit }: WorkScope): Promise<void> {
    const p = event.payload;
    const booking = await this.awaitingPayment(event, p.bookingId, tx);
    if (!booking) return;
    const at = this.clock.now();
    if (p.amount !== booking.totalMinor || p.currency !== booking.currency) {
      await this.move(tx, booking, 'requires_attention', {
        actorId: null,
        reason: `Payment ${p.paymentId} authorized ${p.amount} ${p.currency} but the booking costs ${booking.totalMinor} ${booking.currency}`,
        at,
      });
      return;
    }
    const confirmed = await this.move(tx, booking, 'confirmed', { actorId: null, reason: `Payment ${p.paymentId} authorized by ${p.provider}`, at });
    const segments = await this.bookings.segmentsOf(booking.orgId, [booking.id], tx);
    await emit({
      type: 'booking.confirmed',
      orgId: confirmed.orgId,
      aggregateId: confirmed.id,
      payload: {
        bookingId: confirmed.id,
        travelerId: confirmed.travelerId,
        amount: confirmed.totalMinor,
        currency: confirmed.currency,
        holdIds: holdIdsOf(segments),
        segments: segments.map((s) => ({
          kind: s.kind,
          supplier: s.carrier ?? '',
          origin: s.origin,
          destination: s.destination,
          cabin: s.cabin,
          departAt: s.departAt?.toISOString() ?? null,
        })),
      },
    });
  }

  /** payment.failed: nothing was charged, so the booking is canceled and its holds can be released. */
  async onPaymentFailed(event: DomainEvent<'payment.failed'>, { tx, emit }: WorkScope): Promise<void> {
    const p = event.payload;
    const booking = await this.awaitingPayment(event, p.bookingId, tx);
    if (!booking) return;
    const canceled = await this.move(tx, booking, 'canceled', { actorId: null, reason: p.message, at: this.clock.now() });
    const segments = await this.bookings.segmentsOf(booking.orgId, [booking.id], tx);
    await emit({
      type: 'booking.canceled',
      orgId: canceled.orgId,
      aggregateId: canceled.id,
      payload: { bookingId: canceled.id, travelerId: canceled.travelerId, holdIds: holdIdsOf(segments), reason: p.message },
    });
  }

  /** The locked booking when it waits for payment; duplicates and late events find it elsewhere and change nothing. */
  private async awaitingPayment(event: DomainEvent, bookingId: string, tx: WorkScope['tx']): Promise<BookingRow | undefined> {
    const booking = await this.bookings.lockById(bookingId, event.orgId, tx);
    if (!booking) {
      this.logger.warn({ eventId: event.id, type: event.type, bookingId }, 'payment event for an unknown booking ignored');
      return undefined;
    }
    if (booking.status !== 'payment_pending') {
      this.logger.info({ eventId: event.id, type: event.type, bookingId, status: booking.status }, 'payment event for a booking not awaiting payment ignored');
      return undefined;
    }
    return booking;
  }

  /**
   * Replays a booking's audit trail and returns the status it leads to; it
   * must equal the stored status (null when the booking has no trail).
   */
  async rebuildStatus(bookingId: string): Promise<BookingStatus | null> {
    return replayTransitions(await this.bookings.trailOf(bookingId));
  }

  /** The only way a status changes: recorded in the trail (which checks the state machine), then compare-and-set. */
  private async move(tx: WorkScope['tx'], booking: BookingRow, to: BookingStatus, how: Move): Promise<BookingRow> {
    await this.record(tx, booking, booking.status, to, how);
    const updated = await this.bookings.updateStatus(
      booking.id,
      booking.status,
      {
        status: to,
        updatedAt: how.at,
        ...(to === 'confirmed' ? { confirmedAt: booking.confirmedAt ?? how.at } : {}),
        ...(to === 'canceled' ? { canceledAt: how.at } : {}),
      },
      tx,
    );
    if (!updated) throw new DomainError('INVALID_TRANSITION', `Booking ${booking.id} is no longer ${booking.status}`);
    return updated;
  }

  /** Writes one audit step; refuses steps the state machine does not allow. */
  private async record(tx: WorkScope['tx'], booking: BookingRow, from: BookingStatus | null, to: BookingStatus, how: Move): Promise<void> {
    assertTransition(from, to);
    await this.bookings.insertTransition(
      {
        bookingId: booking.id,
        orgId: booking.orgId,
        sequence: await this.bookings.nextSequence(booking.id, tx),
        fromStatus: from,
        toStatus: to,
        actorId: how.actorId,
        reason: how.reason,
        occurredAt: how.at,
      },
      tx,
    );
  }
}

function holdIdsOf(segments: SegmentRow[]): string[] {
  return segments.flatMap((s) => (s.holdId ? [s.holdId] : []));
}
