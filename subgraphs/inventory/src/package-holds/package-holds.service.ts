import { DomainError, type Clock, type Logger, type NewEvent, type UnitOfWork, type Viewer, type WorkScope, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { PackageHoldRow } from '../db/schema.js';
import { effectiveStatus, extendedExpiry, extendHoldInput, HOLD_TTL_MS } from '../holds/hold-lifetime.js';
import type { PackagesRepository } from '../packages/packages.repository.js';
import { isUuid } from '../validation.js';
import type { PackageHoldsRepository } from './package-holds.repository.js';

const SWEEP_BATCH = 500;
const id = (what: string) => z.string().refine(isUuid, { error: `${what} is not a valid id` });

const holdPackageInput = z.object({
  packageId: id('packageId'),
  date: z.iso.date({ error: 'date must be YYYY-MM-DD' }),
  travelers: z.number().int().min(1, { error: 'travelers must be at least 1' }).nullish(),
});

/**
 * Price per traveler on a departure: the list price times the season's and
 * the date's multipliers (basis points), rounded half up to a minor unit once,
 * at the end, in exact integer arithmetic.
 */
export function departurePrice(listPriceMinor: number, multiplierBp: number, seasonMultiplierBp = 10_000): number {
  const scaled = BigInt(listPriceMinor) * BigInt(multiplierBp) * BigInt(seasonMultiplierBp);
  return Number((scaled + 50_000_000n) / 100_000_000n);
}

type ReleaseReason = 'released' | 'expired' | 'booking_canceled';

function releasedEvent(hold: PackageHoldRow, date: string, reason: ReleaseReason): NewEvent<'inventory.package_hold.released'> {
  return {
    type: 'inventory.package_hold.released',
    orgId: hold.orgId,
    aggregateId: hold.id,
    payload: { holdId: hold.id, packageId: hold.packageId, date, reason },
  };
}

/**
 * Package place holds. The invariant, for every departure: places sold +
 * places actively held ≤ its capacity, decided with the departure row
 * locked (FOR UPDATE) so that holds from any number of processes take turns.
 */
export class PackageHoldsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly holds: PackageHoldsRepository,
    private readonly packages: PackagesRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async holdPackage(viewer: Viewer, input: unknown): Promise<PackageHoldRow> {
    const { packageId, date, travelers: travelersIn } = parseInput(holdPackageInput, input);
    const travelers = travelersIn ?? 1;
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const departure = await this.packages.lockDeparture(tx, packageId, date);
      if (!departure) throw new DomainError('NOT_FOUND', `The package does not depart on ${date}`, 'date');
      const [pkg] = await this.packages.findByIds([packageId], tx);
      if (date <= now.toISOString().slice(0, 10)) throw new DomainError('VALIDATION_FAILED', 'The departure is not in the future', 'date');
      if (travelers > pkg!.maxGroupSize) throw new DomainError('VALIDATION_FAILED', `At most ${pkg!.maxGroupSize} travelers per booking`, 'travelers');
      if (travelers < pkg!.minGroupSize) throw new DomainError('VALIDATION_FAILED', `At least ${pkg!.minGroupSize} travelers per booking`, 'travelers');
      const left = departure.capacity - (await this.packages.takenPlaces(departure.id, now, tx));
      if (left < travelers) throw new DomainError('INSUFFICIENT_INVENTORY', `Only ${Math.max(0, left)} place(s) left on ${date}`, 'travelers');
      const created = await this.holds.insert(tx, {
        orgId: viewer.orgId,
        personId: viewer.personId,
        packageId,
        departureId: departure.id,
        travelers,
        priceMinor: departurePrice(pkg!.priceMinor, departure.priceMultiplierBp, await this.packages.seasonMultiplierBp(packageId, date, tx)) * travelers,
        currency: pkg!.currency,
        status: 'active',
        expiresAt: new Date(now.getTime() + HOLD_TTL_MS),
        createdAt: now,
        updatedAt: now,
      });
      await emit({
        type: 'inventory.package_hold.created',
        orgId: created.orgId,
        aggregateId: created.id,
        payload: {
          holdId: created.id,
          packageId,
          date,
          travelers,
          personId: created.personId,
          amount: created.priceMinor,
          currency: created.currency,
          expiresAt: created.expiresAt.toISOString(),
        },
      });
      return created;
    });
  }

  async releaseHold(viewer: Viewer, input: unknown): Promise<PackageHoldRow> {
    const { holdId } = parseInput(z.object({ holdId: id('holdId') }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Package hold ${holdId} not found`, 'holdId');
      if (effectiveStatus(hold, now) !== 'active') throw new DomainError('HOLD_NOT_ACTIVE', `Hold is ${effectiveStatus(hold, now)}`, 'holdId');
      const row = await this.holds.update(tx, hold.id, { status: 'released' }, now);
      await emit(releasedEvent(row, await this.dateOf(row, tx), 'released'));
      return row;
    });
  }

  async extendHold(viewer: Viewer, input: unknown): Promise<PackageHoldRow> {
    const { holdId, minutes } = parseInput(extendHoldInput.extend({ holdId: id('holdId') }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Package hold ${holdId} not found`, 'holdId');
      const row = await this.holds.update(tx, hold.id, { expiresAt: extendedExpiry(hold, now, minutes) }, now);
      await emit({ type: 'inventory.hold.extended', orgId: row.orgId, aggregateId: row.id, payload: { holdId: row.id, kind: 'package', expiresAt: row.expiresAt.toISOString() } });
      return row;
    });
  }

  private async dateOf(hold: PackageHoldRow, tx: WorkScope['tx']): Promise<string> {
    const [departure] = await this.packages.departuresByIds([hold.departureId], tx);
    return departure?.date ?? '';
  }

  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const expired = await this.uow.run(async ({ tx, emit }) => {
        const rows = await this.holds.expireDue(tx, now, SWEEP_BATCH);
        const dates = new Map((await this.packages.departuresByIds(rows.map((r) => r.departureId), tx)).map((d) => [d.id, d.date]));
        if (rows.length > 0) await emit(rows.map((h) => releasedEvent(h, dates.get(h.departureId) ?? '', 'expired')));
        return rows;
      });
      total += expired.length;
      if (expired.length < SWEEP_BATCH) return total;
    }
  }

  /** A confirmed booking buys its held places; a lapsed hold still does when the departure has room for it. */
  async convertForBooking(orgId: string, bookingId: string, holdIds: readonly string[], { tx, emit }: WorkScope): Promise<string[]> {
    const now = this.clock.now();
    const found = await this.holds.findByIds(orgId, holdIds.filter(isUuid), tx);
    // Departures first, in one order, as holdPackage locks them: concurrent conversions cannot deadlock.
    for (const candidate of found.sort((a, b) => a.departureId.localeCompare(b.departureId) || a.id.localeCompare(b.id))) {
      const departure = (await this.packages.lockDepartureById(tx, candidate.departureId))!;
      const hold = (await this.holds.lock(tx, orgId, candidate.id))!;
      if (hold.status === 'converted') continue;
      if (effectiveStatus(hold, now) !== 'active') {
        const left = departure.capacity - (await this.packages.takenPlaces(departure.id, now, tx, hold.id));
        if (left < hold.travelers) {
          this.logger.warn({ holdId: hold.id, bookingId }, 'confirmed booking lost its places: the hold lapsed and the departure filled up');
          continue;
        }
      }
      await this.holds.update(tx, hold.id, { status: 'converted', bookingId }, now);
      await emit({
        type: 'inventory.package_hold.converted',
        orgId,
        aggregateId: hold.id,
        payload: { holdId: hold.id, packageId: hold.packageId, date: departure.date, bookingId },
      });
    }
    return found.map((f) => f.id);
  }

  async releaseForBooking(orgId: string, holdIds: readonly string[], reason: 'released' | 'booking_canceled', { tx, emit }: WorkScope): Promise<void> {
    const released = await this.holds.releaseHeldOrSold(tx, orgId, holdIds.filter(isUuid), this.clock.now());
    const dates = new Map((await this.packages.departuresByIds(released.map((r) => r.departureId), tx)).map((d) => [d.id, d.date]));
    if (released.length > 0) await emit(released.map((h) => releasedEvent(h, dates.get(h.departureId) ?? '', reason)));
  }
}
