import { EntityFetchError, type EntityClient } from '@travel/platform';

/**
 * A hold of any kind, as booking uses it: inventory's raw JSON (enums are
 * GraphQL names, times ISO strings) with the product part of its kind.
 * Inventory keeps seat holds (`Hold`), room holds (`RoomHold`) and package
 * holds (`PackageHold`) as separate entities; `kind` says which one it was.
 */
export interface HoldSnapshot {
  id: string;
  status: string;
  expiresAt: string;
  price: { amount: number; currency: string };
  kind?: 'SEAT' | 'ROOM' | 'PACKAGE' | null;
  seat?: { id: string; cabin: string; seatNumber: string } | null;
  /** The fare a seat hold was made at; null when it was priced by the seat alone. */
  fareClass?: { fareFamily: string; refundable: boolean } | null;
  flight?: {
    id: string;
    flightNumber: string;
    departureAt: string;
    arrivalAt: string;
    airline: { code: string };
    origin: { code: string };
    destination: { code: string };
  } | null;
  hotel?: { id: string; name: string } | null;
  roomType?: { id: string; name: string } | null;
  checkIn?: string | null;
  checkOut?: string | null;
  travelPackage?: { id: string; title: string } | null;
  startDate?: string | null;
  endDate?: string | null;
}

interface RoomHoldEntity {
  id: string;
  status: string;
  expiresAt: string;
  price: { amount: number; currency: string };
  hotel: { id: string; name: string };
  roomType: { id: string; name: string };
  checkIn: string;
  checkOut: string;
}

interface PackageHoldEntity {
  id: string;
  status: string;
  expiresAt: string;
  price: { amount: number; currency: string };
  travelPackage: { id: string; title: string; durationDays: number };
  date: string;
}

export type PolicyVerdict = 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP';

const SEAT_HOLD_SELECTION =
  'id status expiresAt price { amount currency } seat { id cabin seatNumber } fareClass { fareFamily refundable } flight { id flightNumber departureAt arrivalAt airline { code } origin { code } destination { code } }';
const ROOM_HOLD_SELECTION = 'id status expiresAt price { amount currency } hotel { id name } roomType { id name } checkIn checkOut';
const PACKAGE_HOLD_SELECTION = 'id status expiresAt price { amount currency } travelPackage { id title durationDays } date';
const DAY_MS = 86_400_000;

function fromRoomHold(h: RoomHoldEntity): HoldSnapshot {
  return { ...h, kind: 'ROOM' };
}

/** A package runs `durationDays` from its departure date; its last day is the end of the trip part. */
function fromPackageHold(h: PackageHoldEntity): HoldSnapshot {
  const start = Date.parse(`${h.date}T00:00:00Z`);
  const days = Math.max(h.travelPackage.durationDays - 1, 0);
  return {
    id: h.id,
    status: h.status,
    expiresAt: h.expiresAt,
    price: h.price,
    kind: 'PACKAGE',
    travelPackage: { id: h.travelPackage.id, title: h.travelPackage.title },
    startDate: h.date,
    endDate: Number.isNaN(start) ? null : new Date(start + days * DAY_MS).toISOString().slice(0, 10),
  };
}

export interface TravelerSnapshot {
  id: string;
  department: string | null;
  canBeBookedByViewer: boolean;
}

/**
 * What booking reads synchronously from other subgraphs, always on behalf of
 * the caller (`identity`), so their tenancy rules decide what is visible.
 * Callers must not hold a database transaction open across these calls: in
 * the embedded mode the other subgraph answers from the same database.
 */
export class EntityReads {
  constructor(private readonly entities: EntityClient) {}

  /**
   * Holds in the order of `ids`, whatever their kind; null where inventory
   * knows no hold of that id or hides it from the caller. An id is looked up
   * as a seat, room and package hold at once (ids are unique across them).
   */
  async holds(ids: readonly string[], identity: string): Promise<(HoldSnapshot | null)[]> {
    const [seats, rooms, packages] = await Promise.all([
      this.entities.fetch<HoldSnapshot>({ subgraph: 'inventory', typename: 'Hold', representations: ids.map((id) => ({ id })), selection: SEAT_HOLD_SELECTION, identity }),
      this.ifTypeExists<RoomHoldEntity>('RoomHold', ROOM_HOLD_SELECTION, ids, identity),
      this.ifTypeExists<PackageHoldEntity>('PackageHold', PACKAGE_HOLD_SELECTION, ids, identity),
    ]);
    return ids.map((_, i) => {
      const seat = seats[i];
      if (seat) return { ...seat, kind: 'SEAT' };
      const room = rooms[i];
      if (room) return fromRoomHold(room);
      const pack = packages[i];
      return pack ? fromPackageHold(pack) : null;
    });
  }

  /** Entities of a type inventory may not have yet (an inventory without room or package holds): all null then. */
  private async ifTypeExists<T>(typename: string, selection: string, ids: readonly string[], identity: string): Promise<(T | null)[]> {
    try {
      return await this.entities.fetch<T>({ subgraph: 'inventory', typename, representations: ids.map((id) => ({ id })), selection, identity });
    } catch (error) {
      if (error instanceof EntityFetchError && error.message.includes(`Unknown type "${typename}"`)) return ids.map(() => null);
      throw error;
    }
  }

  /**
   * The person with their department and whether the caller may book for
   * them, when they exist in the caller's organization; null otherwise.
   */
  async person(id: string, identity: string): Promise<TravelerSnapshot | null> {
    const [person] = await this.entities.fetch<TravelerSnapshot>({
      subgraph: 'customer',
      typename: 'Person',
      representations: [{ id }],
      selection: 'id department canBeBookedByViewer',
      identity,
    });
    return person ?? null;
  }

  /** The policy result of a booking; null while policy has not evaluated it. */
  async policyVerdict(bookingId: string, identity: string): Promise<PolicyVerdict | null> {
    const [entity] = await this.entities.fetch<{ id: string; policyEvaluation: { result: PolicyVerdict } | null }>({
      subgraph: 'policy',
      typename: 'Booking',
      representations: [{ id: bookingId }],
      selection: 'id policyEvaluation { result }',
      identity,
    });
    return entity?.policyEvaluation?.result ?? null;
  }
}
