import { randomInt, randomUUID } from 'node:crypto';
import { eventually, unique } from '@travel/platform/testkit';
import { expect } from 'vitest';
import { DEMO_POLICY } from '../src/demo/policy.js';
import type { SubgraphServers } from '../src/subgraphs.js';
import { client } from './journey.js';
import * as op from './journey.operations.js';

export interface DisruptionFixture {
  password: string;
  /** Organization A, whose traveler books. */
  orgId: string;
  /** Organization A: the traveler and its travel admin. */
  travelerEmail: string;
  adminEmail: string;
  /** Organization A: a colleague of the traveler, who must not hear of the traveler's bookings. */
  colleagueEmail: string;
  /** Organization B: a travel admin who must hear nothing of A. */
  otherAdminEmail: string;
  /** Flight operations (platform_admin), in an organization of its own. */
  opsEmail: string;
  flightId: string;
  flightNumber: string;
  /** Same route the next day, same fares: suggested. */
  alternativeId: string;
  alternativeNumber: string;
  /** Same route the next day at twice the fare: filtered out by the default rebooking filter. */
  pricyId: string;
  /** Same route the next evening, a little dearer: suggested after the alternative (later arrival). */
  laterId: string;
}

const PASSWORD = 'disruption-password';

async function organization(servers: SubgraphServers, people: { name: string; roles: ('traveler' | 'travel_admin' | 'platform_admin')[] }[]) {
  const slug = unique('disrupt');
  const emails = people.map((p) => `${p.name.split(' ')[0]!.toLowerCase()}@${slug}.example`);
  const { organization: org } = await servers.customer.services.organizations.provision({
    name: `Disruption ${slug}`,
    slug,
    // Automatic rebooking is an Enterprise feature; the organization may switch it on.
    tier: 'enterprise',
    people: people.map((p, i) => ({ ref: `p${i}`, email: emails[i]!, name: p.name, department: 'Engineering', level: 'senior', roles: p.roles, password: PASSWORD })),
  });
  await servers.policy.services.policies.createPolicy(org.id, DEMO_POLICY);
  return { emails, orgId: org.id };
}

/** Three organizations and three flights JFK→LHR: the one that will be disrupted (ten days out) and two the day after. */
export async function createDisruptionFixture(servers: SubgraphServers, now = new Date()): Promise<DisruptionFixture> {
  const a = await organization(servers, [
    { name: 'Ava Traveler', roles: ['traveler'] },
    { name: 'Tara Admin', roles: ['traveler', 'travel_admin'] },
    { name: 'Ben Colleague', roles: ['traveler'] },
  ]);
  const [travelerEmail, adminEmail, colleagueEmail] = a.emails;
  const [otherAdminEmail] = (await organization(servers, [{ name: 'Olga Admin', roles: ['traveler', 'travel_admin'] }])).emails;
  const [opsEmail] = (await organization(servers, [{ name: 'Omar Ops', roles: ['platform_admin'] }])).emails;
  await servers.inventory.services.catalog.upsertAirports([
    { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
    { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
  ]);
  await servers.inventory.services.catalog.upsertAirlines([{ code: 'BA', name: 'British Airways', country: 'United Kingdom' }]);
  const departure = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 10, 12, 0));
  const base = randomInt(1000, 9000);
  const flight = (n: number, hoursLater: number, economy: number) => ({
    airlineCode: 'BA',
    flightNumber: `BA${base + n}`,
    originCode: 'JFK',
    destinationCode: 'LHR',
    departureAt: new Date(departure.getTime() + hoursLater * 3600_000),
    arrivalAt: new Date(departure.getTime() + (hoursLater + 7) * 3600_000),
    seatPrices: { economy, business: 389_000 },
    currency: 'USD',
  });
  const { flights } = await servers.inventory.services.catalog.insertFlights([flight(0, 0, 64_900), flight(1, 24, 64_900), flight(2, 20, 129_800), flight(3, 30, 70_000)]);
  return {
    password: PASSWORD,
    orgId: a.orgId,
    travelerEmail: travelerEmail!,
    adminEmail: adminEmail!,
    colleagueEmail: colleagueEmail!,
    otherAdminEmail: otherAdminEmail!,
    opsEmail: opsEmail!,
    flightId: flights[0]!.id,
    flightNumber: flights[0]!.flightNumber,
    alternativeId: flights[1]!.id,
    alternativeNumber: flights[1]!.flightNumber,
    pricyId: flights[2]!.id,
    laterId: flights[3]!.id,
  };
}

/** Books an economy seat on `flightId` as the signed-in client and waits until payment confirmed it; returns the booking id. */
export async function bookConfirmed(api: ReturnType<typeof client>, flightId: string): Promise<{ bookingId: string; holdId: string }> {
  const { holdSeat } = await api.send<{ holdSeat: { hold: { id: string }; errors: unknown[] } }>(op.HOLD_SEAT, { input: { flightId, cabin: 'ECONOMY' } });
  expect(holdSeat.errors).toEqual([]);
  const { createBookingDraft } = await api.send<{ createBookingDraft: { booking: { id: string }; errors: unknown[] } }>(op.CREATE_DRAFT, {
    input: { holdIds: [holdSeat.hold.id], tripPurpose: 'Client workshop' },
  });
  expect(createBookingDraft.errors).toEqual([]);
  const bookingId = createBookingDraft.booking.id;
  await api.send(op.EVALUATE, { input: { bookingId } });
  const { confirmBooking } = await api.send<{ confirmBooking: { errors: unknown[] } }>(op.CONFIRM, { input: { bookingId, paymentMethod: 'pm_card_visa', idempotencyKey: randomUUID() } });
  expect(confirmBooking.errors).toEqual([]);
  await eventually(
    async () => {
      const { booking } = await api.send<{ booking: { status: string } }>(`query ($id: ID!) { booking(id: $id) { status } }`, { id: bookingId });
      return booking.status === 'CONFIRMED' ? true : undefined;
    },
    { what: 'booking confirmed', timeoutMs: 20_000 },
  );
  return { bookingId, holdId: holdSeat.hold.id };
}
