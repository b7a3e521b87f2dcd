import { childrenLoader, entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import type DataLoader from 'dataloader';
import type { BookingRow, SegmentChangeRow, SegmentRow, TransitionRow } from './db/schema.js';
import type { BookingServices } from './server.js';

export interface BookingLoaders {
  booking: DataLoader<string, BookingRow | null>;
  segments: DataLoader<string, SegmentRow[]>;
  history: DataLoader<string, TransitionRow[]>;
  changes: DataLoader<string, SegmentChangeRow[]>;
}

export interface BookingContext extends BaseContext {
  services: BookingServices;
  loaders: BookingLoaders;
}

/** Loaders are per request and scoped to the caller's organization in every query they run. */
export function createContext(base: BaseContext, services: BookingServices): BookingContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const repo = services.repositories.bookings;
  return {
    ...base,
    services,
    loaders: {
      booking: entityLoader((ids) => repo.findByIds(orgOf(), ids)),
      segments: childrenLoader((ids) => repo.segmentsOf(orgOf(), ids), (s) => s.bookingId),
      history: childrenLoader((ids) => repo.transitionsOf(orgOf(), ids), (t) => t.bookingId),
      changes: childrenLoader((ids) => repo.changesOf(orgOf(), ids), (c) => c.bookingId),
    },
  };
}
