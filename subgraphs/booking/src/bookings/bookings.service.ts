import { DomainError, type Clock, type DomainEvent, type Logger, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { ApprovalOutcomesService } from '../approvals/approval-outcomes.service.js';
import type { BookingRow, SegmentRow } from '../db/schema.js';
import { INITIAL_STATUS, replayTransitions, type BookingStatus } from './booking-state-machine.js';
import type { BookingsRepository } from './bookings.repository.js';
import type { EntityReads, HoldSnapshot } from './entity-reads.js';
import { idempotencyKeyInput, OPERATIONS, requestHash, type Idempotency } from './idempotency.js';
import { assertMayAct, mayBookFor } from './permissions.js';
import type { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { carSegmentInput, inItineraryOrder, segmentFromCar, segmentFromHold, type SegmentContent } from './segment-snapshots.js';
import type { StatusMoves } from './status-moves.js';
import { checkTravelerDates, normalizeTravelerDetails, travelerDetailsInput, type TravelerDetails } from './traveler-details.js';
import { FieldErrors, parse } from './validation.js';

const MAX_HOLDS = 10;
const MAX_CARS = 5;

const createDraftInput = z
  .object({
    travelerId: z.guid({ error: 'travelerId is not a valid id' }).nullish(),
    holdIds: z
      .array(z.string().min(1, { error: 'a hold id is empty' }).max(255))
      .max(MAX_HOLDS, { error: `holdIds takes at most ${MAX_HOLDS} holds` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'holdIds lists a hold twice' })
      .nullish()
      .transform((ids) => ids ?? []),
    cars: z
      .array(carSegmentInput)
      .max(MAX_CARS, { error: `cars takes at most ${MAX_CARS} rentals` })
      .nullish()
      .transform((cars) => cars ?? []),
    tripPurpose: z.string().trim().max(500, { error: 'tripPurpose is longer than 500 characters' }).nullish(),
    travelerDetails: travelerDetailsInput.nullish(),
    idempotencyKey: idempotencyKeyInput.nullish(),
  })
  .refine((d) => d.holdIds.length + d.cars.length > 0, { error: 'holdIds needs at least one hold (or give a car rental)', path: ['holdIds'] });

const confirmInput = z.object({
  bookingId: z.string().min(1, { error: 'bookingId is required' }),
  // A payment method token (Stripe's pm_…), never raw card data: card numbers must not reach booking's outbox or the event stream.
  paymentMethod: z
    .string()
    .trim()
    .regex(/^pm_[A-Za-z0-9_]{1,250}$/, { error: 'paymentMethod must be a payment method id such as pm_card_visa, not card details' }),
  idempotencyKey: idempotencyKeyInput,
  approvalReason: z.string().trim().max(1000, { error: 'approvalReason is longer than 1000 characters' }).nullish(),
});

const ticketInput = z.object({
  bookingId: z.string().min(1, { error: 'bookingId is required' }),
});

const travelerDetailsUpdateInput = z.object({
  bookingId: z.string().min(1, { error: 'bookingId is required' }),
  travelerDetails: travelerDetailsInput,
});

/** PostgreSQL unique violation, whichever driver raised it and however drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 5; depth += 1) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Refuses holds that are unknown, not active or expired by the clock; returns them in input order. */
export function checkActiveHolds(ids: readonly string[], found: (HoldSnapshot | null)[], now: Date, field: string): HoldSnapshot[] {
  return ids.map((id, i) => {
    const hold = found[i];
    if (!hold) throw new DomainError('NOT_FOUND', `Hold ${id} not found`, field);
    if (hold.status !== 'ACTIVE') throw new DomainError('HOLD_NOT_ACTIVE', `Hold ${id} is ${hold.status.toLowerCase()}, not active`, field);
    if (Date.parse(hold.expiresAt) <= now.getTime()) throw new DomainError('HOLD_EXPIRED', `Hold ${id} expired at ${hold.expiresAt}`, field);
    return hold;
  });
}

/** When the trip ends: the latest end (or start) of its segments. */
export function tripEndOf(segments: readonly { departAt?: Date | null; arriveAt?: Date | null }[]): Date | null {
  let end: Date | null = null;
  for (const s of segments) {
    const last = s.arriveAt ?? s.departAt ?? null;
    if (last && (!end || last > end)) end = last;
  }
  return end;
}

export class BookingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingsRepository,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly idempotency: Idempotency,
    private readonly moves: StatusMoves,
    private readonly reads: EntityReads,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly approvals: ApprovalOutcomesService,
  ) {}

  /**
   * Turns active holds (any kind inventory has) and car rentals into a draft.
   * Everything other subgraphs must say is read before the transaction opens;
   * the transaction only writes. With an idempotency key, a retry returns the
   * draft the first request made instead of making another.
   */
  async createDraft(viewer: Viewer, identity: string, input: unknown): Promise<BookingRow> {
    const data = parse(createDraftInput, input);
    const travelerId = data.travelerId ?? viewer.personId;
    const key = data.idempotencyKey ?? null;
    const hash = requestHash(OPERATIONS.create, { ...data, travelerId, idempotencyKey: null });
    if (key) {
      const replayed = await this.idempotency.replay(viewer.orgId, OPERATIONS.create, key, hash);
      if (replayed) return replayed;
    }
    const traveler = await this.reads.person(travelerId, identity);
    // The viewer booking for themselves is known to exist (their identity says so); only someone else must be found.
    if (!traveler && travelerId !== viewer.personId) {
      throw new DomainError('NOT_FOUND', `Traveler ${travelerId} not found in your organization`, 'travelerId');
    }
    if (!mayBookFor(viewer, travelerId, traveler)) {
      throw new DomainError('FORBIDDEN', 'Booking for someone else needs their delegation or the travel admin role', 'travelerId');
    }
    const travelerDepartment = traveler?.department ?? null;
    const found = data.holdIds.length > 0 ? await this.reads.holds(data.holdIds, identity) : [];
    const holds = checkActiveHolds(data.holdIds, found, this.clock.now(), 'holdIds');
    const contents = inItineraryOrder<SegmentContent>([
      ...holds.map((h) => segmentFromHold(h)),
      ...data.cars.map((c) => segmentFromCar(c)),
    ]);
    const currencies = new Set(contents.map((c) => c.currency));
    if (currencies.size > 1) {
      throw new DomainError('VALIDATION_FAILED', `Segments are priced in several currencies (${[...currencies].join(', ')}); book them separately`, data.holdIds.length > 0 ? 'holdIds' : 'cars');
    }
    const details = data.travelerDetails ? this.checkedDetails(data.travelerDetails, contents, 'travelerDetails') : null;
    const currency = contents[0]!.currency;
    const total = contents.reduce((sum, c) => sum + c.priceMinor, 0);
    const tripPurpose = data.tripPurpose ? data.tripPurpose : null;

    try {
      return await this.uow.run(async ({ tx, emit }) => {
        if (key) {
          const replayed = await this.idempotency.lockAndReplay(tx, viewer.orgId, OPERATIONS.create, key, hash);
          if (replayed) return replayed;
        }
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
            travelerDepartment,
            travelerDetails: details,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        );
        await this.bookings.insertSegments(
          contents.map((c, position) => ({ ...c, bookingId: booking.id, orgId: booking.orgId, position })),
          tx,
        );
        await this.moves.record(tx, booking, null, INITIAL_STATUS, { actorId: viewer.personId, reason: null, at: now });
        if (key) await this.idempotency.remember(tx, { orgId: viewer.orgId, operation: OPERATIONS.create, key, hash, bookingId: booking.id, at: now });
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

  /** Traveler details checked against the trip (dates), with every failing field reported under `prefix`. */
  private checkedDetails(
    input: z.output<typeof travelerDetailsInput>,
    segments: readonly { departAt?: Date | null; arriveAt?: Date | null }[],
    prefix: string,
  ): TravelerDetails {
    const details = normalizeTravelerDetails(input);
    const issues = checkTravelerDates(details, this.clock.now(), tripEndOf(segments));
    if (issues.length > 0) throw new FieldErrors(issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })));
    return details;
  }

  /**
   * Adds or replaces the traveler's passport, contact and needs on a draft.
   * Every invalid field is reported at once, and nothing is written then.
   */
  async updateTravelerDetails(viewer: Viewer, input: unknown): Promise<BookingRow> {
    const data = parse(travelerDetailsUpdateInput, input);
    return this.uow.run(async ({ tx, emit }) => {
      const booking = await this.bookings.lockById(data.bookingId, viewer.orgId, tx);
      if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      assertMayAct(viewer, booking);
      if (booking.status !== 'draft') throw new DomainError('CONFLICT', `Booking is ${booking.status}; traveler details can only be changed on a draft`, 'bookingId');
      const segments = await this.bookings.segmentsOf(viewer.orgId, [booking.id], tx);
      const details = this.checkedDetails(data.travelerDetails, segments, 'travelerDetails');
      const updated = await this.bookings.setTravelerDetails(booking.id, details, this.clock.now(), tx);
      // No personal data in the event: it is copied to other subgraphs and kept in streams.
      await emit({
        type: 'booking.traveler_details_updated',
        orgId: updated.orgId,
        aggregateId: updated.id,
        payload: { bookingId: updated.id, travelerId: updated.travelerId },
      });
      return updated;
    });
  }

  /**
   * Confirms a draft according to its policy verdict. The idempotency row is
   * the first write of the transaction: a concurrent call with the same key
   * waits on its primary key and then replays instead of acting twice.
   */
  async confirm(viewer: Viewer, identity: string, input: unknown): Promise<BookingRow> {
    const data = parse(confirmInput, input);
    const hash = requestHash(OPERATIONS.confirm, [data.bookingId, data.paymentMethod]);
    const replayed = await this.idempotency.replay(viewer.orgId, OPERATIONS.confirm, data.idempotencyKey, hash);
    if (replayed) return replayed;

    const [booking] = await this.bookings.findByIds(viewer.orgId, [data.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
    assertMayAct(viewer, booking);
    if (booking.status !== 'draft') throw new DomainError('INVALID_TRANSITION', `Booking is ${booking.status}; only drafts can be confirmed`, 'bookingId');

    const verdict = await this.reads.policyVerdict(booking.id, identity);
    if (verdict === null) throw new DomainError('POLICY_NOT_EVALUATED', 'Evaluate the travel policy for this booking first', 'bookingId');
    if (verdict === 'HARD_STOP') throw new DomainError('POLICY_BLOCKED', 'The travel policy does not allow this booking', 'bookingId');
    const target: BookingStatus = verdict === 'COMPLIANT' ? 'payment_pending' : 'pending_approval';
    const approvalReason = data.approvalReason ? data.approvalReason : null;
    if (target === 'pending_approval' && !approvalReason) {
      throw new DomainError('VALIDATION_FAILED', 'The travel policy warns about this booking: give an approvalReason for the approver', 'approvalReason');
    }

    return this.uow.run(async ({ tx, emit }) => {
      const now = this.clock.now();
      const claimed = await this.idempotencyKeys.claim(
        { orgId: viewer.orgId, operation: OPERATIONS.confirm, key: data.idempotencyKey, requestHash: hash, bookingId: booking.id, createdAt: now },
        tx,
      );
      if (!claimed) {
        const again = await this.idempotency.replay(viewer.orgId, OPERATIONS.confirm, data.idempotencyKey, hash, tx);
        if (again) return again;
        throw new Error(`idempotency key of ${booking.id} vanished while claimed`);
      }
      const current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
      if (!current) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      // Another key may have confirmed it meanwhile; the verdict read above was for a draft.
      if (current.status !== 'draft') throw new DomainError('INVALID_TRANSITION', `Booking is ${current.status}; only drafts can be confirmed`, 'bookingId');
      const reason = target === 'payment_pending' ? 'Policy compliant' : 'Policy soft warning: approval required';
      const moved = await this.moves.move(tx, current, target, { actorId: viewer.personId, reason, at: now });
      if (target === 'pending_approval') {
        await this.approvals.park({ tx, emit }, moved, { paymentMethod: data.paymentMethod, reason: approvalReason!, requestedBy: viewer.personId });
      } else {
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

  /**
   * Issues the tickets of a confirmed booking. Ticketing is the moment the
   * authorized money is collected: booking.ticketed tells payment to capture.
   * A second call finds the booking ticketed and is refused, so it never
   * captures twice.
   */
  async ticket(viewer: Viewer, input: unknown): Promise<BookingRow> {
    const data = parse(ticketInput, input);
    const [booking] = await this.bookings.findByIds(viewer.orgId, [data.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
    assertMayAct(viewer, booking);
    return this.uow.run(async ({ tx, emit }) => {
      const current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
      if (!current) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      if (current.status !== 'confirmed') throw new DomainError('INVALID_TRANSITION', `Booking is ${current.status}; only confirmed bookings are ticketed`, 'bookingId');
      const ticketed = await this.moves.move(tx, current, 'ticketed', { actorId: viewer.personId, reason: 'Tickets issued', at: this.clock.now() });
      await emit({
        type: 'booking.ticketed',
        orgId: ticketed.orgId,
        aggregateId: ticketed.id,
        payload: { bookingId: ticketed.id, travelerId: ticketed.travelerId, amount: ticketed.totalMinor, currency: ticketed.currency },
      });
      return ticketed;
    });
  }

  /**
   * Closes a ticketed booking once its trip is over: every segment has ended
   * (a segment without an end counts as ended at its start). booking.completed
   * lets loyalty award the trip.
   */
  async complete(viewer: Viewer, input: unknown): Promise<BookingRow> {
    const data = parse(ticketInput, input);
    const [booking] = await this.bookings.findByIds(viewer.orgId, [data.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
    assertMayAct(viewer, booking);
    return this.uow.run(async ({ tx, emit }) => {
      const current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
      if (!current) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      if (current.status !== 'ticketed') throw new DomainError('INVALID_TRANSITION', `Booking is ${current.status}; only ticketed bookings are completed`, 'bookingId');
      const now = this.clock.now();
      const segments = await this.bookings.segmentsOf(viewer.orgId, [current.id], tx);
      const lastEnd = Math.max(...segments.map((s) => (s.arriveAt ?? s.departAt ?? new Date(0)).getTime()));
      if (lastEnd > now.getTime()) throw new DomainError('INVALID_TRANSITION', `The trip ends at ${new Date(lastEnd).toISOString()}; complete it after that`, 'bookingId');
      const completed = await this.moves.move(tx, current, 'completed', { actorId: viewer.personId, reason: 'Trip completed', at: now });
      await emit({
        type: 'booking.completed',
        orgId: completed.orgId,
        aggregateId: completed.id,
        payload: { bookingId: completed.id, travelerId: completed.travelerId, amount: completed.totalMinor, currency: completed.currency },
      });
      return completed;
    });
  }

  /** payment.authorized: the money is there, so the booking is confirmed (once). */
  async onPaymentAuthorized(event: DomainEvent<'payment.authorized'>, { tx, emit }: WorkScope): Promise<void> {
    const p = event.payload;
    const booking = await this.awaitingPayment(event, p.bookingId, tx);
    if (!booking) return;
    const at = this.clock.now();
    if (p.amount !== booking.totalMinor || p.currency !== booking.currency) {
      await this.moves.move(tx, booking, 'requires_attention', {
        actorId: null,
        reason: `Payment ${p.paymentId} authorized ${p.amount} ${p.currency} but the booking costs ${booking.totalMinor} ${booking.currency}`,
        at,
      });
      return;
    }
    const confirmed = await this.moves.move(tx, booking, 'confirmed', { actorId: null, reason: `Payment ${p.paymentId} authorized by ${p.provider}`, at });
    const segments = await this.bookings.segmentsOf(booking.orgId, [booking.id], tx);
    await emit({
      type: 'booking.confirmed',
      orgId: confirmed.orgId,
      aggregateId: confirmed.id,
      payload: {
        bookingId: confirmed.id,
        travelerId: confirmed.travelerId,
        department: confirmed.travelerDepartment,
        amount: confirmed.totalMinor,
        currency: confirmed.currency,
        holdIds: holdIdsOf(segments),
        segments: segments.map((s) => ({
          kind: s.kind,
          supplier: s.supplier ?? s.carrier ?? '',
          origin: s.origin,
          destination: s.destination,
          cabin: s.cabin,
          departAt: s.departAt?.toISOString() ?? null,
          arriveAt: s.arriveAt?.toISOString() ?? null,
          amount: s.priceMinor,
        })),
      },
    });
  }

  /** payment.failed: nothing was charged, so the booking is canceled and its holds can be released. */
  async onPaymentFailed(event: DomainEvent<'payment.failed'>, { tx, emit }: WorkScope): Promise<void> {
    const p = event.payload;
    const booking = await this.awaitingPayment(event, p.bookingId, tx);
    if (!booking) return;
    const canceled = await this.moves.move(tx, booking, 'canceled', { actorId: null, reason: p.message, at: this.clock.now() });
    const segments = await this.bookings.segmentsOf(booking.orgId, [booking.id], tx);
    await emit({
      type: 'booking.canceled',
      orgId: canceled.orgId,
      aggregateId: canceled.id,
      payload: { bookingId: canceled.id, travelerId: canceled.travelerId, department: canceled.travelerDepartment, holdIds: holdIdsOf(segments), reason: p.message },
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
}

export function holdIdsOf(segments: SegmentRow[]): string[] {
  return segments.flatMap((s) => (s.holdId ? [s.holdId] : []));
}
