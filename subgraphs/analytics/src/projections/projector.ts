import type { DomainEvent, Executor, Logger, UnitOfWork } from '@travel/platform';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bookingAdjustments, bookingFacts, holdFacts, paymentFacts, policyFacts, searchFacts, segmentFacts } from '../db/schema.js';
import { segmentEmission } from '../emissions/emissions.js';
import type { SpendRepository, TripShape } from '../spend/spend.repository.js';
import type { ActivityRepository, SegmentFact } from './activity.repository.js';
import type { EventLogRepository } from './event-log.repository.js';

const envelope = { orgId: z.guid(), occurredAt: z.iso.datetime({ offset: true }) };
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code' });
const minor = z.int().min(0);
const segmentSchema = z.object({
  kind: z.string(),
  supplier: z.string(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  cabin: z.string().nullable(),
  departAt: z.iso.datetime({ offset: true }).nullable(),
  arriveAt: z.iso.datetime({ offset: true }).nullish(),
  amount: minor.nullish(),
});

const schemas = {
  'booking.confirmed': z.object({
    ...envelope,
    payload: z.object({
      bookingId: z.guid(),
      travelerId: z.guid(),
      // Optional on the way in: confirms logged before booking sent departments and segment prices replay as unknown, not as malformed.
      department: z.string().nullish(),
      amount: minor,
      currency,
      segments: z.array(segmentSchema),
    }),
  }),
  'booking.canceled': z.object({ ...envelope, payload: z.object({ bookingId: z.guid(), travelerId: z.guid(), department: z.string().nullish() }) }),
  'policy.evaluated': z.object({
    ...envelope,
    payload: z.object({ evaluationId: z.guid(), bookingId: z.guid(), result: z.enum(['COMPLIANT', 'SOFT_WARNING', 'HARD_STOP']) }),
  }),
  'payment.authorized': z.object({ ...envelope, payload: z.object({ paymentId: z.guid(), bookingId: z.guid(), amount: minor, currency }) }),
  'payment.failed': z.object({ ...envelope, payload: z.object({ paymentId: z.guid(), bookingId: z.guid() }) }),
  'payment.refunded': z.object({
    ...envelope,
    payload: z.object({ paymentId: z.guid(), bookingId: z.guid(), refundId: z.guid(), amount: minor, currency }),
  }),
  'booking.segment_changed': z.object({
    ...envelope,
    payload: z.object({
      bookingId: z.guid(),
      convertNewHold: z.boolean(),
      priceDifference: z.int(),
      currency,
      // Absent on changes published before booking sent the new segment: those move the price only.
      position: z.int().min(0).nullish(),
      segment: segmentSchema.nullish(),
    }),
  }),
  'inventory.search.performed': z.object({
    ...envelope,
    payload: z.object({ routes: z.array(z.object({ origin: z.string().min(1), destination: z.string().min(1), count: z.int().min(1) })) }),
  }),
  'inventory.hold.created': z.object({ ...envelope, payload: z.object({ holdId: z.guid() }) }),
  'inventory.hold.released': z.object({ ...envelope, payload: z.object({ holdId: z.guid() }) }),
  'inventory.hold.converted': z.object({ ...envelope, payload: z.object({ holdId: z.guid(), bookingId: z.guid() }) }),
} as const;

type Projected = keyof typeof schemas;
type Parsed<T extends Projected> = z.infer<(typeof schemas)[T]>;

/** The payload already validated by `schemas[type]`; the switch has narrowed `type`, not the parse result. */
const payloadOf = <T extends Projected>(_type: T, data: Parsed<Projected>): Parsed<T>['payload'] => (data as Parsed<T>).payload;
export const PROJECTED_EVENTS = Object.keys(schemas) as Projected[];

const rebuildLockKey = (orgId: string) => sql`hashtextextended(${`analytics-rebuild:${orgId}`}, 0)`;

const projectionTables = [bookingFacts, segmentFacts, policyFacts, holdFacts, paymentFacts, bookingAdjustments, searchFacts] as const;

/**
 * Turns events into projection rows. The same `apply` serves live consumption
 * and rebuilds, so a rebuild runs exactly the code that built the figures.
 */
export class Projector {
  constructor(
    private readonly repos: { spend: SpendRepository; activity: ActivityRepository; log: EventLogRepository },
    private readonly logger: Logger,
  ) {}

  /**
   * Live path: log the event, and project it only if the log did not have it
   * already. The shared lock lets live events run side by side but waits out
   * a rebuild of the same organization (which holds it exclusively), so an
   * event is never projected onto rows a rebuild is about to replace.
   */
  async consume(event: DomainEvent, tx: Executor): Promise<void> {
    if (event.orgId) await tx.execute(sql`select pg_advisory_xact_lock_shared(${rebuildLockKey(event.orgId)})`);
    if (await this.repos.log.append(event, tx)) await this.apply(event, tx);
  }

  async apply(event: DomainEvent, tx: Executor): Promise<void> {
    if (!(event.type in schemas)) return;
    const type = event.type as Projected;
    const parsed = schemas[type].safeParse(event);
    if (!parsed.success) {
      // Throwing would redeliver forever and hold back later events; the payload is type-checked at the producer, so this is a bug for the logs.
      this.logger.error({ eventId: event.id, type, issues: parsed.error.issues }, 'malformed event skipped by analytics');
      return;
    }
    const { orgId, occurredAt } = parsed.data;
    const at = new Date(occurredAt);
    const { spend, activity } = this.repos;
    switch (type) {
      case 'booking.confirmed': {
        const p = payloadOf(type, parsed.data);
        const segments = p.segments.map((s, position) => segmentFact(s, { bookingId: p.bookingId, position, orgId, travelerId: p.travelerId }));
        await spend.recordConfirmed(
          {
            bookingId: p.bookingId,
            orgId,
            travelerId: p.travelerId,
            department: p.department ?? null,
            amountMinor: p.amount,
            currency: p.currency,
            occurredAt: at,
            trip: tripShape(segments),
          },
          tx,
        );
        await activity.recordSegments(segments, tx);
        await spend.refreshAdjustments(orgId, p.bookingId, tx);
        await this.applySegmentChanges(orgId, p.bookingId, tx);
        return;
      }
      case 'booking.canceled': {
        const p = payloadOf(type, parsed.data);
        await spend.recordCanceled({ bookingId: p.bookingId, orgId, travelerId: p.travelerId, department: p.department ?? null, occurredAt: at }, tx);
        await spend.refreshAdjustments(orgId, p.bookingId, tx);
        return;
      }
      case 'payment.refunded': {
        const p = payloadOf(type, parsed.data);
        const adjustment = { adjustmentId: `refund:${p.refundId}`, orgId, bookingId: p.bookingId, kind: 'refund' as const, amountMinor: p.amount, currency: p.currency, occurredAt: at };
        await activity.recordAdjustment(adjustment, tx);
        await spend.refreshAdjustments(orgId, p.bookingId, tx);
        return;
      }
      case 'booking.segment_changed': {
        const p = payloadOf(type, parsed.data);
        // A draft's change is already in the total its confirm will carry; only a change after payment moves the spend.
        if (!p.convertNewHold) return;
        const moved = p.segment && p.position !== null && p.position !== undefined ? { position: p.position, segment: p.segment } : {};
        const adjustment = { adjustmentId: `change:${event.id}`, orgId, bookingId: p.bookingId, kind: 'change' as const, amountMinor: p.priceDifference, currency: p.currency, occurredAt: at, ...moved };
        await activity.recordAdjustment(adjustment, tx);
        await spend.refreshAdjustments(orgId, p.bookingId, tx);
        await this.applySegmentChanges(orgId, p.bookingId, tx);
        return;
      }
      case 'inventory.search.performed': {
        const p = payloadOf(type, parsed.data);
        await activity.recordSearches(
          p.routes.map((r, position) => ({ eventId: event.id, position, orgId, origin: r.origin, destination: r.destination, searches: r.count, occurredAt: at })),
          tx,
        );
        return;
      }
      case 'policy.evaluated': {
        const p = payloadOf(type, parsed.data);
        await activity.recordEvaluation({ bookingId: p.bookingId, orgId, evaluationId: p.evaluationId, result: p.result, evaluatedAt: at }, tx);
        return;
      }
      case 'payment.authorized': {
        const p = payloadOf(type, parsed.data);
        await activity.recordPayment({ paymentId: p.paymentId, orgId, bookingId: p.bookingId, amountMinor: p.amount, currency: p.currency, authorizedAt: at }, tx);
        return;
      }
      case 'payment.failed': {
        const p = payloadOf(type, parsed.data);
        await activity.recordPayment({ paymentId: p.paymentId, orgId, bookingId: p.bookingId, failedAt: at }, tx);
        return;
      }
      case 'inventory.hold.created':
        await activity.recordHold({ holdId: payloadOf(type, parsed.data).holdId, orgId, createdAt: at }, tx);
        return;
      case 'inventory.hold.released':
        await activity.recordHold({ holdId: payloadOf(type, parsed.data).holdId, orgId, releasedAt: at }, tx);
        return;
      case 'inventory.hold.converted': {
        const p = payloadOf(type, parsed.data);
        await activity.recordHold({ holdId: p.holdId, orgId, convertedAt: at, bookingId: p.bookingId }, tx);
        return;
      }
    }
  }

  /**
   * Lays a booking's paid changes, oldest first, over the segments its
   * confirm wrote, then derives the trip (destination, CO2, cabins) again.
   * Run after the confirm and after every change, so a change that arrives
   * before its confirm is applied when the confirm lands; re-applying the
   * same changes in the same order gives the same rows.
   */
  private async applySegmentChanges(orgId: string, bookingId: string, tx: Executor): Promise<void> {
    const { activity, spend } = this.repos;
    const changes = await activity.segmentChanges(orgId, bookingId, tx);
    if (changes.length === 0) return;
    const segments = await activity.segmentsOf(orgId, bookingId, tx);
    if (segments.length === 0) return;
    for (const change of changes) {
      const old = segments[change.position];
      if (!old) continue;
      const updated = segmentFact(change.segment, { bookingId, position: change.position, orgId, travelerId: old.travelerId });
      segments[change.position] = updated;
      await activity.replaceSegment(updated, tx);
    }
    await spend.updateTrip(orgId, bookingId, tripShape(segments), tx);
  }

  /**
   * Throws away an organization's projection rows and replays its logged
   * events, in one transaction (readers see the old figures or the new,
   * never a half-built state). Returns how many events were replayed.
   */
  async rebuild(uow: UnitOfWork, orgId: string, pageSize = 1000): Promise<number> {
    return uow.run(async ({ tx }) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${rebuildLockKey(orgId)})`);
      for (const table of projectionTables) await tx.delete(table).where(eq(table.orgId, orgId));
      let replayed = 0;
      let after: { occurredAt: string; eventId: string } | null = null;
      for (;;) {
        const page = await this.repos.log.page(orgId, after, pageSize, tx);
        for (const event of page) await this.apply(event, tx);
        replayed += page.length;
        const last = page.at(-1);
        if (!last || page.length < pageSize) return replayed;
        after = { occurredAt: last.occurredAt, eventId: last.id };
      }
    });
  }
}

/** A segment row from an event's segment, with its emissions when it is a flight between known airports. */
function segmentFact(s: z.infer<typeof segmentSchema>, keys: { bookingId: string; position: number; orgId: string; travelerId: string }): SegmentFact {
  const emission = s.kind === 'flight' ? segmentEmission(s.origin, s.destination, s.cabin) : null;
  return {
    ...keys,
    kind: s.kind,
    supplier: s.supplier,
    origin: s.origin,
    destination: s.destination,
    cabin: s.cabin,
    departAt: s.departAt ? new Date(s.departAt) : null,
    arriveAt: s.arriveAt ? new Date(s.arriveAt) : null,
    amountMinor: s.amount ?? null,
    distanceKm: emission?.distanceKm ?? null,
    haul: emission?.haul ?? null,
    co2eGrams: emission?.co2eGrams ?? null,
  };
}

/**
 * The trip as the segments describe it. Destination is the first segment's
 * destination: the events name no trip destination, and for a round trip
 * the first leg's arrival is where the traveler is going.
 */
function tripShape(segments: SegmentFact[]): TripShape {
  const departures = segments.map((s) => s.departAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  const arrivals = segments.map((s) => s.arriveAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  const flights = segments.filter((s) => s.kind === 'flight');
  return {
    firstDepartAt: departures[0] ?? null,
    lastDepartAt: departures.at(-1) ?? null,
    lastArriveAt: arrivals.at(-1) ?? null,
    destination: segments[0]?.destination ?? null,
    segmentCount: segments.length,
    co2eGrams: flights.reduce((sum, s) => sum + (s.co2eGrams ?? 0), 0),
    distanceKm: flights.reduce((sum, s) => sum + (s.distanceKm ?? 0), 0),
    flightCount: flights.length,
    economySegments: flights.filter((s) => s.cabin === 'economy').length,
    premiumEconomySegments: flights.filter((s) => s.cabin === 'premium_economy').length,
    businessSegments: flights.filter((s) => s.cabin === 'business').length,
    firstSegments: flights.filter((s) => s.cabin === 'first').length,
    flightsWithoutDistance: flights.filter((s) => s.distanceKm === null).length,
  };
}
