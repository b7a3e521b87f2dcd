import { DomainError, parseInput, type Clock, type DomainEvent, type Logger, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { BookingStatus } from '../bookings/booking-state-machine.js';
import type { BookingsRepository } from '../bookings/bookings.repository.js';
import type { ChangesService, SegmentContent } from '../bookings/changes.service.js';
import { assertMayAct } from '../bookings/permissions.js';
import { segmentFromHold } from '../bookings/segment-snapshots.js';
import type { StatusMoves } from '../bookings/status-moves.js';
import type { BookingRow, DisruptionKind, DisruptionRow, RebookingSuggestionRow, SegmentRow } from '../db/schema.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import { TRAVEL_ADMIN_ROLE, type NotificationsService } from '../notifications/notifications.service.js';
import type { AutoRebookSetting } from './auto-rebook.js';
import type { DisruptionsRepository } from './disruptions.repository.js';
import { optionsFor, rankOptions, type RebookingFilter } from './rebooking-options.js';
import { needsAttention, severityOf } from './severity.js';

/** Bookings a flight status change concerns: anything not yet over, canceled or refunded. */
const AFFECTED: readonly BookingStatus[] = ['draft', 'pending_approval', 'payment_pending', 'confirmed', 'ticketed', 'requires_attention'];
/** Bookings a severe disruption moves to requires_attention (the state machine's edges into it). */
const MOVABLE: readonly BookingStatus[] = ['payment_pending', 'confirmed', 'ticketed'];
/** Bookings a rebooking may change: those whose segments can be swapped, and those waiting for it. */
const REBOOKABLE: readonly BookingStatus[] = ['draft', 'confirmed', 'ticketed', 'requires_attention'];

const acceptInput = z.object({
  disruptionId: z.uuid({ error: 'disruptionId is not a disruption id' }),
  suggestionId: z.uuid({ error: 'suggestionId is not a suggestion id' }),
  newHoldId: z.string().min(1, { error: 'newHoldId is required' }).max(255),
});

export interface RebookingResult {
  booking: BookingRow;
  disruption: DisruptionRow;
}

const KIND_WORDS: Record<DisruptionKind, string> = { delayed: 'is delayed', canceled: 'is canceled', diverted: 'is diverted', gate_changed: 'changed gate' };

function describe(event: DomainEvent<'inventory.flight.status_changed'>['payload']): string {
  switch (event.change) {
    case 'delayed':
      return `Now departing ${event.estimatedDepartureAt ?? 'later'} (${event.delayMinutes ?? '?'} min late).`;
    case 'diverted':
      return `Diverted to ${event.divertedTo ?? 'another airport'}.`;
    case 'gate_changed':
      return `New gate: ${event.gate ?? 'to be announced'}.`;
    default:
      return 'The flight will not operate.';
  }
}

/**
 * Disruptions: a flight status change from inventory becomes, for every
 * booking on the flight, a disruption with a severity, suggestions of
 * alternative flights, notifications, and (when severe) requires_attention.
 * Accepting a suggestion swaps the segment through the change flow and puts
 * the booking back where it was, in one transaction.
 */
export class DisruptionsService {
  constructor(
    private readonly uow: UnitOfWork,
    readonly repository: DisruptionsRepository,
    private readonly bookings: BookingsRepository,
    private readonly moves: StatusMoves,
    private readonly changes: ChangesService,
    private readonly notifications: NotificationsService,
    private readonly filter: RebookingFilter,
    readonly autoRebook: AutoRebookSetting,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async onFlightStatusChanged(event: DomainEvent<'inventory.flight.status_changed'>, { tx, emit }: WorkScope): Promise<void> {
    const report = event.payload;
    if (report.change === 'on_time') return;
    const kind: DisruptionKind = report.change;
    const severity = severityOf(kind, report.delayMinutes);
    const now = this.clock.now();
    const affected = await this.repository.bookingsOnFlight(report.flightId, AFFECTED, tx);
    for (const { booking, segment } of affected) {
      if (segment.kind !== 'flight') continue;
      let current = (await this.bookings.lockById(booking.id, null, tx)) ?? booking;
      // A newer report of the same flight replaces what the older ones said; the status the booking had before them is kept.
      const older = await this.repository.openOfSegment(segment.id, tx);
      for (const o of older) await this.repository.update(o.id, { state: 'superseded', resolvedAt: now }, tx);
      let previousStatus: BookingStatus | null = current.status === 'requires_attention' ? (older.find((o) => o.previousStatus)?.previousStatus ?? null) : null;
      if (needsAttention(severity) && MOVABLE.includes(current.status)) {
        previousStatus = current.status;
        current = await this.moves.move(tx, current, 'requires_attention', { actorId: null, reason: `Flight ${report.flightNumber} ${KIND_WORDS[kind]}`, at: now });
      }
      const disruption = await this.repository.insert(
        {
          orgId: current.orgId,
          bookingId: current.id,
          segmentId: segment.id,
          flightId: report.flightId,
          flightNumber: report.flightNumber,
          kind,
          severity,
          delayMinutes: report.delayMinutes,
          estimatedDepartureAt: report.estimatedDepartureAt ? new Date(report.estimatedDepartureAt) : null,
          estimatedArrivalAt: report.estimatedArrivalAt ? new Date(report.estimatedArrivalAt) : null,
          gate: report.gate,
          divertedTo: report.divertedTo,
          reason: report.reason,
          previousStatus,
          sourceEventId: event.id,
          occurredAt: now,
        },
        tx,
      );
      const suggestions = kind === 'gate_changed' ? [] : await this.suggest(disruption, segment, current, report.alternatives, tx);
      await this.notifications.notify(this.disruptionNotices(current, disruption, report), tx);
      await emit({
        type: 'booking.disrupted',
        orgId: current.orgId,
        aggregateId: current.id,
        payload: {
          bookingId: current.id,
          disruptionId: disruption.id,
          travelerId: current.travelerId,
          bookedById: current.bookedById,
          flightId: report.flightId,
          kind,
          severity,
          requiresAttention: current.status === 'requires_attention',
          suggestions: suggestions.length,
        },
      });
      const best = suggestions[0];
      if (best && needsAttention(severity) && (await this.autoRebook.enabled(current.orgId, tx))) {
        // Only inventory can hold the new seat; its answer (inventory.rebooking_hold.placed) completes the rebooking.
        await emit({
          type: 'booking.rebooking_hold_requested',
          orgId: current.orgId,
          aggregateId: current.id,
          payload: { bookingId: current.id, disruptionId: disruption.id, suggestionId: best.id, flightId: best.flightId, cabin: best.cabin, travelerId: current.travelerId },
        });
      }
    }
  }

  /**
   * Inventory's answer to an automatic rebooking: with a hold, the booking is rebooked onto it like acceptRebooking
   * would (no person acting); without one, or when someone resolved the disruption meanwhile, it stays as it is
   * (an unused hold runs out on its own).
   */
  async onRebookingHold(event: DomainEvent<'inventory.rebooking_hold.placed'>, scope: WorkScope): Promise<void> {
    const { hold, disruptionId, suggestionId, failure } = event.payload;
    if (!event.orgId) return;
    if (!hold) {
      this.logger.info({ disruptionId, failure }, 'automatic rebooking found no seat; the disruption waits for a person');
      return;
    }
    const locked = await this.repository.lock(event.orgId, disruptionId, scope.tx);
    const booking = locked ? await this.bookings.lockById(locked.bookingId, event.orgId, scope.tx) : undefined;
    const suggestion = locked ? (await this.repository.suggestionsOf(event.orgId, [locked.id], scope.tx)).find((s) => s.id === suggestionId) : undefined;
    if (!locked || !booking || !suggestion || locked.state !== 'open' || !REBOOKABLE.includes(booking.status)) {
      this.logger.info({ disruptionId }, 'automatic rebooking no longer applies; its hold will run out');
      return;
    }
    const content = segmentFromHold({ ...hold, status: 'ACTIVE', kind: 'SEAT' }, 'newHoldId');
    await this.rebook(scope, locked, booking, suggestion, { newHoldId: hold.id, content, actorId: null, automatic: true });
  }

  private async suggest(disruption: DisruptionRow, segment: SegmentRow, booking: BookingRow, alternatives: Parameters<typeof optionsFor>[1], tx: WorkScope['tx']) {
    const allowed = await this.filter.allowed(segment, optionsFor(segment, alternatives), { orgId: booking.orgId, travelerId: booking.travelerId });
    return this.repository.insertSuggestions(
      rankOptions(allowed).map((o, i) => ({ ...o, disruptionId: disruption.id, orgId: disruption.orgId, rank: i + 1 })),
      tx,
    );
  }

  private disruptionNotices(booking: BookingRow, disruption: DisruptionRow, report: DomainEvent<'inventory.flight.status_changed'>['payload']): NewNotification[] {
    const title = `Flight ${report.flightNumber} ${KIND_WORDS[disruption.kind]}`;
    const body = `${describe(report)}${report.reason ? ` Reason: ${report.reason}.` : ''}${disruption.previousStatus ? ' Your booking needs attention: choose an alternative flight.' : ''}`;
    const base = { orgId: booking.orgId, kind: 'disruption' as const, severity: disruption.severity, title, body, bookingId: booking.id, disruptionId: disruption.id, createdAt: disruption.occurredAt };
    const people = [...new Set([booking.travelerId, booking.bookedById])];
    return [...people.map((recipientId) => ({ ...base, recipientId })), { ...base, recipientRole: TRAVEL_ADMIN_ROLE }];
  }

  /** Moves a disrupted booking onto a suggested flight whose seat the caller has held (`newHoldId`). */
  async acceptRebooking(viewer: Viewer, identity: string, input: unknown): Promise<RebookingResult> {
    const data = parseInput(acceptInput, input);
    const [disruption] = await this.repository.findByIds(viewer.orgId, [data.disruptionId]);
    if (!disruption) throw new DomainError('NOT_FOUND', `Disruption ${data.disruptionId} not found`, 'disruptionId');
    const [booking] = await this.bookings.findByIds(viewer.orgId, [disruption.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Disruption ${data.disruptionId} not found`, 'disruptionId');
    assertMayAct(viewer, booking, 'disruptionId');
    const suggestion = (await this.repository.suggestionsOf(viewer.orgId, [disruption.id])).find((s) => s.id === data.suggestionId);
    if (!suggestion) throw new DomainError('NOT_FOUND', `Suggestion ${data.suggestionId} is not one of this disruption's`, 'suggestionId');
    const content = await this.changes.newHoldContent(identity, data.newHoldId);
    if (content.flightId !== suggestion.flightId) {
      throw new DomainError('VALIDATION_FAILED', `Hold ${data.newHoldId} is not on the suggested flight ${suggestion.flightNumber}`, 'newHoldId');
    }

    return this.uow.run(async (scope) => {
      const { tx, emit } = scope;
      const locked = await this.repository.lock(viewer.orgId, disruption.id, tx);
      if (!locked) throw new DomainError('NOT_FOUND', `Disruption ${data.disruptionId} not found`, 'disruptionId');
      let current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
      if (!current) throw new DomainError('NOT_FOUND', `Disruption ${data.disruptionId} not found`, 'disruptionId');
      if (locked.state === 'rebooked') {
        const [segment] = (await this.bookings.segmentsOf(viewer.orgId, [current.id], tx)).filter((s) => s.id === locked.segmentId);
        // The same acceptance again (a retry) answers what the first did; another one is refused.
        if (locked.acceptedSuggestionId === suggestion.id && segment?.holdId === data.newHoldId) return { booking: current, disruption: locked };
        throw new DomainError('CONFLICT', 'This disruption was already resolved by a rebooking', 'disruptionId');
      }
      return this.rebook(scope, locked, current, suggestion, { newHoldId: data.newHoldId, content, actorId: viewer.personId, automatic: false });
    });
  }

  /** Rebooks a locked open disruption's booking onto a suggestion's held seat, in the caller's transaction. */
  private async rebook(scope: WorkScope, locked: DisruptionRow, booking: BookingRow, suggestion: RebookingSuggestionRow, how: { newHoldId: string; content: SegmentContent; actorId: string | null; automatic: boolean }): Promise<RebookingResult> {
    const { tx, emit } = scope;
    let current = booking;
    if (locked.state !== 'open') throw new DomainError('INVALID_TRANSITION', 'A newer report of this flight replaced this disruption; use the newer one', 'disruptionId');
    if (!REBOOKABLE.includes(current.status)) throw new DomainError('INVALID_TRANSITION', `Booking is ${current.status}; it can no longer be rebooked`, 'disruptionId');
    const reason = `Rebooked onto ${suggestion.flightNumber} after ${locked.flightNumber} ${KIND_WORDS[locked.kind]}`;
    const now = this.clock.now();
    if (current.status === 'requires_attention') {
      current = await this.moves.move(tx, current, locked.previousStatus ?? 'confirmed', { actorId: how.actorId, reason, at: now });
    }
    const swapped = await this.changes.swapSegment(scope, current, { segmentId: locked.segmentId, newHoldId: how.newHoldId, content: how.content, actorId: how.actorId, reason });
    const resolved = await this.repository.update(locked.id, { state: 'rebooked', resolvedAt: now, resolvedById: how.actorId, acceptedSuggestionId: suggestion.id }, tx);
    for (const o of await this.repository.openOfSegment(locked.segmentId, tx)) await this.repository.update(o.id, { state: 'superseded', resolvedAt: now }, tx);
    await this.notifications.notify(
      [...new Set([current.travelerId, current.bookedById])].map((recipientId) => ({
        orgId: current.orgId,
        recipientId,
        kind: 'rebooked' as const,
        severity: null,
        title: `Rebooked onto ${suggestion.flightNumber}`,
        body: `${reason}. Departs ${suggestion.departAt.toISOString()}.`,
        bookingId: current.id,
        disruptionId: locked.id,
        createdAt: now,
      })),
      tx,
    );
    await emit({
      type: 'booking.rebooked',
      orgId: current.orgId,
      aggregateId: current.id,
      payload: {
        bookingId: current.id,
        disruptionId: locked.id,
        travelerId: current.travelerId,
        fromFlightId: locked.flightId,
        toFlightId: suggestion.flightId,
        newHoldId: how.newHoldId,
        priceDifference: swapped.change.differenceMinor,
        currency: swapped.change.currency,
        automatic: how.automatic,
      },
    });
    return { booking: swapped.booking, disruption: resolved };
  }
}
