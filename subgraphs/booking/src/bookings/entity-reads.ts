import type { EntityClient } from '@travel/platform';

/** A hold as inventory describes it (raw JSON: enums are GraphQL names, times ISO strings). */
export interface HoldSnapshot {
  id: string;
  status: string;
  expiresAt: string;
  price: { amount: number; currency: string };
  seat: { id: string; cabin: string; seatNumber: string };
  flight: {
    id: string;
    flightNumber: string;
    departureAt: string;
    arrivalAt: string;
    airline: { code: string };
    origin: { code: string };
    destination: { code: string };
  };
}

export type PolicyVerdict = 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP';

const HOLD_SELECTION =
  'id status expiresAt price { amount currency } seat { id cabin seatNumber } flight { id flightNumber departureAt arrivalAt airline { code } origin { code } destination { code } }';

/**
 * What booking reads synchronously from other subgraphs, always on behalf of
 * the caller (`identity`), so their tenancy rules decide what is visible.
 * Callers must not hold a database transaction open across these calls: in
 * the embedded mode the other subgraph answers from the same database.
 */
export class EntityReads {
  constructor(private readonly entities: EntityClient) {}

  /** Holds in the order of `ids`; null where inventory does not know the hold or hides it from the caller. */
  holds(ids: readonly string[], identity: string): Promise<(HoldSnapshot | null)[]> {
    return this.entities.fetch<HoldSnapshot>({
      subgraph: 'inventory',
      typename: 'Hold',
      representations: ids.map((id) => ({ id })),
      selection: HOLD_SELECTION,
      identity,
    });
  }

  /** The person when they exist in the caller's organization. */
  async personExists(id: string, identity: string): Promise<boolean> {
    const [person] = await this.entities.fetch<{ id: string }>({ subgraph: 'customer', typename: 'Person', representations: [{ id }], selection: 'id', identity });
    return Boolean(person);
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
