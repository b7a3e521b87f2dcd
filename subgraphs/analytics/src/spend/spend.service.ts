import type { DomainEvent, Executor, Logger } from '@travel/platform';
import { z } from 'zod';
import type { SpendRepository } from './spend.repository.js';

/** Money as the projection computes it: exact integer minor units. */
export interface MoneyAmount {
  amount: bigint;
  currency: string;
}

export interface OrganizationSpend {
  totals: MoneyAmount[];
  confirmedBookings: number;
  canceledBookings: number;
  averageTripCost: MoneyAmount[];
}

const envelope = {
  orgId: z.guid(),
  occurredAt: z.iso.datetime({ offset: true }),
};
const confirmedEvent = z.object({
  ...envelope,
  payload: z.object({
    bookingId: z.guid(),
    travelerId: z.guid(),
    amount: z.int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code' }),
  }),
});
const canceledEvent = z.object({
  ...envelope,
  payload: z.object({ bookingId: z.guid(), travelerId: z.guid() }),
});

const byCurrency = (a: MoneyAmount, b: MoneyAmount) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

/**
 * The spend projection: booking events in, per-organization figures out.
 * Handlers run inside the consumer's unit of work (`tx`), next to the inbox
 * row that makes each event count once.
 */
export class SpendService {
  constructor(
    private readonly repository: SpendRepository,
    private readonly logger: Logger,
  ) {}

  async recordConfirmed(event: DomainEvent<'booking.confirmed'>, tx: Executor): Promise<void> {
    const parsed = this.parse(confirmedEvent, event);
    if (!parsed) return;
    const { payload } = parsed;
    await this.repository.recordConfirmed(
      {
        bookingId: payload.bookingId,
        orgId: parsed.orgId,
        travelerId: payload.travelerId,
        amountMinor: payload.amount,
        currency: payload.currency,
        occurredAt: new Date(parsed.occurredAt),
      },
      tx,
    );
  }

  async recordCanceled(event: DomainEvent<'booking.canceled'>, tx: Executor): Promise<void> {
    const parsed = this.parse(canceledEvent, event);
    if (!parsed) return;
    await this.repository.recordCanceled(
      { bookingId: parsed.payload.bookingId, orgId: parsed.orgId, travelerId: parsed.payload.travelerId, occurredAt: new Date(parsed.occurredAt) },
      tx,
    );
  }

  /** Spend of each requested organization, in request order; organizations without facts get zeros. */
  async forOrganizations(orgIds: readonly string[]): Promise<OrganizationSpend[]> {
    const spend = new Map<string, OrganizationSpend>(
      orgIds.map((id) => [id, { totals: [], confirmedBookings: 0, canceledBookings: 0, averageTripCost: [] }]),
    );
    for (const group of await this.repository.spendByOrganizations(orgIds)) {
      const org = spend.get(group.orgId)!;
      org.confirmedBookings += group.confirmed;
      org.canceledBookings += group.canceled;
      if (group.currency !== null && group.totalMinor !== null && group.averageMinor !== null) {
        org.totals.push({ amount: group.totalMinor, currency: group.currency });
        org.averageTripCost.push({ amount: group.averageMinor, currency: group.currency });
      }
    }
    for (const org of spend.values()) {
      org.totals.sort(byCurrency);
      org.averageTripCost.sort(byCurrency);
    }
    return orgIds.map((id) => spend.get(id)!);
  }

  /**
   * A malformed event is logged and skipped rather than thrown: throwing
   * would redeliver it forever and hold back the events behind it, while
   * the payload contract is type-checked at the producer, so this is a bug
   * to find in the logs, not a state to wait out.
   */
  private parse<S extends z.ZodType>(schema: S, event: DomainEvent): z.infer<S> | undefined {
    const parsed = schema.safeParse(event);
    if (parsed.success) return parsed.data;
    this.logger.error({ eventId: event.id, type: event.type, issues: parsed.error.issues }, 'malformed booking event skipped by the spend projection');
    return undefined;
  }
}
