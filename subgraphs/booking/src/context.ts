import { childrenLoader, entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { BookingRow, DisruptionRow, RebookingSuggestionRow, SegmentChangeRow, SegmentRow, TransitionRow } from './db/schema.js';
import { isUuid } from './bookings/bookings.repository.js';
import type { BookingServices } from './server.js';

export interface BookingLoaders {
  booking: DataLoader<string, BookingRow | null>;
  segments: DataLoader<string, SegmentRow[]>;
  history: DataLoader<string, TransitionRow[]>;
  changes: DataLoader<string, SegmentChangeRow[]>;
  disruption: DataLoader<string, DisruptionRow | null>;
  disruptionsOfBooking: DataLoader<string, DisruptionRow[]>;
  suggestions: DataLoader<string, RebookingSuggestionRow[]>;
  /** Traveler ids of the caller's organization per flight id. */
  travelersOnFlight: DataLoader<string, string[]>;
}

export interface BookingContext extends BaseContext {
  services: BookingServices;
  loaders: BookingLoaders;
}

/** Bookings that put their traveler on the flight (not canceled, refunded or completed). */
const ON_FLIGHT = ['draft', 'pending_approval', 'payment_pending', 'confirmed', 'ticketed', 'requires_attention'] as const;

/** Loaders are per request and scoped to the caller's organization in every query they run. */
export function createContext(base: BaseContext, services: BookingServices): BookingContext {
  return { ...base, services, loaders: createLoaders(base, services) };
}

/**
 * A subscription's context lives as long as its stream, so its loaders would
 * answer every event from what the first one cached; each event gets new ones.
 */
export function renewLoaders(ctx: BookingContext): BookingContext {
  ctx.loaders = createLoaders(ctx, ctx.services);
  return ctx;
}

function createLoaders(base: BaseContext, services: BookingServices): BookingLoaders {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const repo = services.repositories.bookings;
  const disruptions = services.disruptions.repository;
  return {
      booking: entityLoader((ids) => repo.findByIds(orgOf(), ids)),
      segments: childrenLoader((ids) => repo.segmentsOf(orgOf(), ids), (s) => s.bookingId),
      history: childrenLoader((ids) => repo.transitionsOf(orgOf(), ids), (t) => t.bookingId),
      changes: childrenLoader((ids) => repo.changesOf(orgOf(), ids), (c) => c.bookingId),
      disruption: entityLoader((ids) => disruptions.findByIds(orgOf(), ids.filter(isUuid))),
      disruptionsOfBooking: childrenLoader((ids) => disruptions.ofBookings(orgOf(), ids.filter(isUuid)), (d) => d.bookingId),
      suggestions: childrenLoader((ids) => disruptions.suggestionsOf(orgOf(), ids.filter(isUuid)), (s) => s.disruptionId),
      travelersOnFlight: new DataLoader(async (flightIds: readonly string[]) => {
        const rows = await disruptions.travelersOnFlights(orgOf(), flightIds, ON_FLIGHT);
        return flightIds.map((id) => rows.filter((r) => r.flightId === id).map((r) => r.travelerId));
      }),
  };
}
