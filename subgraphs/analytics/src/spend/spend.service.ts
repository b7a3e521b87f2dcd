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

export const byCurrency = (a: MoneyAmount, b: MoneyAmount) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

/**
 * All-time spend per organization. The facts it reads are written by the
 * projector (projections/projector.ts) from booking events.
 */
export class SpendService {
  constructor(private readonly repository: SpendRepository) {}

  /** Spend of each requested organization, in request order; organizations without facts get zeros. */
  async forOrganizations(orgIds: readonly string[]): Promise<OrganizationSpend[]> {
    const spend = new Map<string, OrganizationSpend>(
      orgIds.map((id) => [id, { totals: [], confirmedBookings: 0, canceledBookings: 0, averageTripCost: [] }]),
    );
    for (const group of await this.repository.spendByOrganizations(orgIds)) {
      const org = spend.get(group.orgId)!;
      org.confirmedBookings += group.confirmed;
      org.canceledBookings += group.canceled;
      // A currency whose bookings were all canceled can still carry kept fees: a total without an average.
      if (group.currency !== null && group.totalMinor !== null) org.totals.push({ amount: group.totalMinor, currency: group.currency });
      if (group.currency !== null && group.averageMinor !== null) org.averageTripCost.push({ amount: group.averageMinor, currency: group.currency });
    }
    for (const org of spend.values()) {
      org.totals.sort(byCurrency);
      org.averageTripCost.sort(byCurrency);
    }
    return orgIds.map((id) => spend.get(id)!);
  }
}
