import { randomUUID } from 'node:crypto';
import { eventually, gqlRequest } from '@travel/platform/testkit';
import { expect } from 'vitest';
import type { JourneyFixture } from './journey.fixtures.js';
import * as op from './journey.operations.js';

interface UserError {
  code: string;
  message: string;
}
interface Money {
  amount: number;
  currency: string;
}
interface CabinSeats {
  cabin: string;
  seatsLeft: number;
}

/** The answer of BOOKING_EVERYWHERE: one booking with fields owned by all six subgraphs. */
export interface BookingEverywhere {
  id: string;
  status: string;
  total: Money;
  traveler: { name: string; department: string | null; organization: { name: string; spend: { totals: Money[]; confirmedBookings: number } | null } };
  segments: { cabin: string; flight: { flightNumber: string; origin: { code: string; timeZone: string }; destination: { code: string } }; seat: { seatNumber: string; available: boolean } }[];
  policyEvaluation: { result: string; policyVersion: number | null } | null;
  payment: { status: string; sandbox: boolean; amount: Money } | null;
}

/** A router client that fails the test on any GraphQL error. */
export function client(routerUrl: string) {
  let token: string | undefined;
  const send = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gqlRequest<T>(routerUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  return {
    send,
    signIn: async (email: string, password: string): Promise<string> => {
      const { signIn } = await send<{ signIn: { accessToken: string; viewer: { id: string }; errors: UserError[] } }>(op.SIGN_IN, { input: { email, password } });
      expect(signIn.errors).toEqual([]);
      token = signIn.accessToken;
      return signIn.viewer.id;
    },
  };
}

function economy(cabins: CabinSeats[]): number {
  const cabin = cabins.find((c) => c.cabin === 'ECONOMY');
  expect(cabin).toBeDefined();
  return cabin!.seatsLeft;
}

/**
 * The journey of issue 2 through the router: sign in → search → hold a seat →
 * draft → policy → confirm with a sandbox card → one query across all six
 * subgraphs once the events have flowed.
 */
export async function runJourney(routerUrl: string, fx: JourneyFixture): Promise<BookingEverywhere> {
  const api = client(routerUrl);
  await api.signIn(fx.travelerEmail, fx.password);

  const { searchFlights } = await api.send<{ searchFlights: { edges: { node: { id: string; cabins: CabinSeats[] } }[] } }>(op.SEARCH_FLIGHTS, {
    input: { origin: 'JFK', destination: 'LHR', date: fx.date, cabin: 'ECONOMY', passengers: 1 },
  });
  const found = searchFlights.edges.map((e) => e.node).find((f) => f.id === fx.flightId);
  expect(found, `flight ${fx.flightNumber} in search results`).toBeDefined();
  const economyBefore = economy(found!.cabins);

  const { holdSeat } = await api.send<{ holdSeat: { hold: { id: string; status: string; price: Money }; errors: UserError[] } }>(op.HOLD_SEAT, {
    input: { flightId: fx.flightId, cabin: 'ECONOMY' },
  });
  expect(holdSeat.errors).toEqual([]);
  expect(holdSeat.hold.status).toBe('ACTIVE');

  const { createBookingDraft } = await api.send<{ createBookingDraft: { booking: { id: string; status: string; total: Money }; errors: UserError[] } }>(
    op.CREATE_DRAFT,
    { input: { holdIds: [holdSeat.hold.id], tripPurpose: 'Client workshop' } },
  );
  expect(createBookingDraft.errors).toEqual([]);
  const booking = createBookingDraft.booking;
  expect(booking).toMatchObject({ status: 'DRAFT', total: holdSeat.hold.price });

  const { evaluateBookingPolicy } = await api.send<{ evaluateBookingPolicy: unknown }>(op.EVALUATE, { input: { bookingId: booking.id } });
  expect(evaluateBookingPolicy).toMatchObject({ errors: [], evaluation: { result: 'COMPLIANT' } });

  const { confirmBooking } = await api.send<{ confirmBooking: unknown }>(op.CONFIRM, {
    input: { bookingId: booking.id, paymentMethod: 'pm_card_visa', idempotencyKey: randomUUID() },
  });
  expect(confirmBooking).toMatchObject({ errors: [], booking: { status: 'PAYMENT_PENDING' } });

  const everything = await eventually(
    async () => {
      const { booking: b } = await api.send<{ booking: BookingEverywhere }>(op.BOOKING_EVERYWHERE, { id: booking.id });
      return b.status === 'CONFIRMED' && b.traveler.organization.spend?.confirmedBookings === 1 ? b : undefined;
    },
    { what: 'booking confirmed and spend projected', timeoutMs: 20_000 },
  );
  const { flight } = await api.send<{ flight: { cabins: CabinSeats[] } }>(op.FLIGHT_SEATS_LEFT, { id: fx.flightId });
  expect(economy(flight.cabins)).toBe(economyBefore - 1);
  return everything;
}

/** What the single cross-subgraph query must show after the journey. */
export function expectJourneyResult(b: BookingEverywhere, fx: JourneyFixture): void {
  expect(b.status).toBe('CONFIRMED');
  expect(b.traveler).toMatchObject({ name: 'Ava Traveler', department: 'Engineering' });
  expect(b.traveler.organization.spend).toEqual({ totals: [b.total], confirmedBookings: 1 });
  expect(b.segments).toHaveLength(1);
  expect(b.segments[0]).toMatchObject({
    cabin: 'ECONOMY',
    flight: { flightNumber: fx.flightNumber, origin: { code: 'JFK', timeZone: 'America/New_York' }, destination: { code: 'LHR' } },
    seat: { available: false },
  });
  expect(b.policyEvaluation).toEqual({ result: 'COMPLIANT', policyVersion: 1 });
  expect(b.payment).toEqual({ status: 'AUTHORIZED', sandbox: true, amount: b.total });
}
