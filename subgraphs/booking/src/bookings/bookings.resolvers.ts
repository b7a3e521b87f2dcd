import { DomainError, enumResolver, pageArgs, requireViewer, toConnection, type Connection, type Resolvers } from '@travel/platform';
import type { BookingContext } from '../context.js';
import {
  BOOKING_STATUSES,
  CABINS,
  CANCELLATION_POLICIES,
  SEGMENT_KINDS,
  type BookingRow,
  type CancellationQuoteRow,
  type QuoteLine,
  type SegmentChangeRow,
  type SegmentRow,
  type TransitionRow,
} from '../db/schema.js';
import type { BookingStatus } from './booking-state-machine.js';
import { isUuid, type BookingCursor, type BookingFilter } from './bookings.repository.js';
import { mayAct } from './permissions.js';
import { ACCESSIBILITY_NEEDS, DIETARY_NEEDS } from './traveler-details.js';
import { payloadWithFieldErrors as payload } from './validation.js';

type PageArgs = { first?: number | null; after?: string | null };

function ref(typename: string, id: string | null) {
  return id ? { __typename: typename, id } : null;
}

function checkCursor(after: BookingCursor | null): BookingCursor | null {
  if (after === null) return null;
  const valid = Array.isArray(after) && typeof after[0] === 'string' && !Number.isNaN(Date.parse(after[0])) && typeof after[1] === 'string' && isUuid(after[1]);
  if (!valid) throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
  return after;
}

/** One page of the caller's organization's bookings, newest first; pages prime the booking loader. */
async function bookingPage(ctx: BookingContext, filter: BookingFilter, args: PageArgs): Promise<Connection<BookingRow>> {
  const orgId = requireViewer(ctx.viewer).orgId;
  const { limit, after } = pageArgs<BookingCursor>(args);
  const cursor = checkCursor(after);
  if (filter.travelerId !== undefined && !isUuid(filter.travelerId)) return toConnection([], limit, () => null, 0);
  const repo = ctx.services.repositories.bookings;
  const [rows, total] = await Promise.all([repo.list(orgId, filter, limit, cursor), repo.count(orgId, filter)]);
  rows.forEach((b) => ctx.loaders.booking.prime(b.id, b));
  return toConnection(rows, limit, (b): BookingCursor => [b.createdAt.toISOString(), b.id], total);
}

export const bookingsResolvers: Resolvers<BookingContext> = {
  BookingStatus: enumResolver(BOOKING_STATUSES),
  SegmentKind: enumResolver(SEGMENT_KINDS),
  Cabin: enumResolver(CABINS),
  CancellationPolicy: enumResolver(CANCELLATION_POLICIES),
  DietaryNeed: enumResolver(DIETARY_NEEDS),
  AccessibilityNeed: enumResolver(ACCESSIBILITY_NEEDS),
  Query: {
    booking: (_: unknown, args: { id: string }, ctx: BookingContext) => ctx.loaders.booking.load(args.id),
    bookings: (_: unknown, args: PageArgs & { status?: BookingStatus | null }, ctx: BookingContext) =>
      bookingPage(ctx, { status: args.status ?? undefined }, args),
  },
  Mutation: {
    createBookingDraft: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.bookings.createDraft(requireViewer(ctx.viewer), ctx.identity, args.input) })),
    confirmBooking: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.bookings.confirm(requireViewer(ctx.viewer), ctx.identity, args.input) })),
    updateTravelerDetails: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.bookings.updateTravelerDetails(requireViewer(ctx.viewer), args.input) })),
    ticketBooking: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.bookings.ticket(requireViewer(ctx.viewer), args.input) })),
    completeBooking: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.bookings.complete(requireViewer(ctx.viewer), args.input) })),
    quoteCancellation: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ quote: await ctx.services.cancellations.quote(requireViewer(ctx.viewer), args.input) })),
    cancelBooking: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(async () => ({ booking: await ctx.services.cancellations.cancel(requireViewer(ctx.viewer), args.input) })),
    changeBookingSegment: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(() => ctx.services.changes.changeSegment(requireViewer(ctx.viewer), ctx.identity, args.input)),
  },
  Booking: {
    __resolveReference: (reference: { id: string }, ctx: BookingContext) => ctx.loaders.booking.load(reference.id),
    traveler: (b: BookingRow) => ref('Person', b.travelerId),
    bookedBy: (b: BookingRow) => ref('Person', b.bookedById),
    organization: (b: BookingRow) => ref('Organization', b.orgId),
    segments: (b: BookingRow, _: unknown, ctx: BookingContext) => ctx.loaders.segments.load(b.id),
    total: (b: BookingRow) => ({ amount: b.totalMinor, currency: b.currency }),
    history: (b: BookingRow, _: unknown, ctx: BookingContext) => ctx.loaders.history.load(b.id),
    changes: (b: BookingRow, _: unknown, ctx: BookingContext) => ctx.loaders.changes.load(b.id),
    // Passport and contact data: only for those who may act on the booking, not every colleague who can see it.
    travelerDetails: (b: BookingRow, _: unknown, ctx: BookingContext) => (mayAct(requireViewer(ctx.viewer), b) ? b.travelerDetails : null),
  },
  Segment: {
    hold: (s: SegmentRow) => (s.kind === 'flight' ? ref('Hold', s.holdId) : null),
    roomHold: (s: SegmentRow) => (s.kind === 'hotel' ? ref('RoomHold', s.holdId) : null),
    packageHold: (s: SegmentRow) => (s.kind === 'package' ? ref('PackageHold', s.holdId) : null),
    flight: (s: SegmentRow) => ref('Flight', s.flightId),
    seat: (s: SegmentRow) => ref('Seat', s.seatId),
    price: (s: SegmentRow) => ({ amount: s.priceMinor, currency: s.currency }),
    startsAt: (s: SegmentRow) => s.departAt,
    endsAt: (s: SegmentRow) => s.arriveAt,
    hotel: (s: SegmentRow) => (s.kind === 'hotel' ? ref('Hotel', s.productId) : null),
    travelPackage: (s: SegmentRow) => (s.kind === 'package' ? ref('TravelPackage', s.productId) : null),
  },
  SegmentChange: {
    oldHold: (c: SegmentChangeRow) => (c.before['kind'] === 'flight' ? ref('Hold', c.oldHoldId) : null),
    newHold: (c: SegmentChangeRow) => (c.before['kind'] === 'flight' ? ref('Hold', c.newHoldId) : null),
    oldPrice: (c: SegmentChangeRow) => ({ amount: c.oldPriceMinor, currency: c.currency }),
    newPrice: (c: SegmentChangeRow) => ({ amount: c.newPriceMinor, currency: c.currency }),
    priceDifference: (c: SegmentChangeRow) => ({ amount: c.differenceMinor, currency: c.currency }),
    actor: (c: SegmentChangeRow) => ref('Person', c.actorId),
    at: (c: SegmentChangeRow) => c.occurredAt,
  },
  CancellationQuote: {
    booking: (q: CancellationQuoteRow, _: unknown, ctx: BookingContext) => ctx.loaders.booking.load(q.bookingId),
    refund: (q: CancellationQuoteRow) => ({ amount: q.refundMinor, currency: q.currency }),
    lines: (q: CancellationQuoteRow) => q.lines.map((line) => ({ ...line, currency: q.currency })),
    secondsBeforeDeparture: (q: CancellationQuoteRow) => {
      const starts = q.lines.flatMap((l) => (l.secondsBeforeStart === null ? [] : [l.secondsBeforeStart]));
      return starts.length > 0 ? Math.min(...starts) : null;
    },
    used: (q: CancellationQuoteRow) => q.usedAt !== null,
  },
  CancellationQuoteLine: {
    price: (l: QuoteLine & { currency: string }) => ({ amount: l.priceMinor, currency: l.currency }),
    refund: (l: QuoteLine & { currency: string }) => ({ amount: l.refundMinor, currency: l.currency }),
    refundPercent: (l: QuoteLine) => l.refundBasisPoints / 100,
  },
  BookingTransition: {
    actor: (t: TransitionRow) => ref('Person', t.actorId),
    at: (t: TransitionRow) => t.occurredAt,
  },
  Person: {
    // Booking knows people only by id; customer says who they are and whether the caller may see them.
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    bookings: (person: { id: string }, args: PageArgs, ctx: BookingContext) => bookingPage(ctx, { travelerId: person.id }, args),
  },
};
