import { randomUUID } from 'node:crypto';
import { eventually } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { useStack } from './use-stack.js';
import { createJourneyFixture } from './journey.fixtures.js';
import { client, runJourney } from './journey.js';
import * as op from './journey.operations.js';

const TICKET = /* GraphQL */ `
  mutation Ticket($input: TicketBookingInput!) { ticketBooking(input: $input) { booking { status } errors { code message } } }
`;
const QUOTE = /* GraphQL */ `
  mutation Quote($input: QuoteCancellationInput!) { quoteCancellation(input: $input) { quote { id refund { amount currency } } errors { code message } } }
`;
const CANCEL = /* GraphQL */ `
  mutation Cancel($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } errors { code message } } }
`;
const MONEY = /* GraphQL */ `
  query Money($id: ID!) {
    booking(id: $id) {
      status
      total { amount currency }
      payment { status capturedAmount { amount } refundedAmount { amount } }
      traveler { organization { spend { totals { amount } confirmedBookings canceledBookings } } }
    }
  }
`;

interface MoneyView {
  status: string;
  total: { amount: number; currency: string };
  payment: { status: string; capturedAmount: { amount: number }; refundedAmount: { amount: number } };
  traveler: { organization: { spend: { totals: { amount: number }[]; confirmedBookings: number; canceledBookings: number } } };
}

describe('after the journey: ticketing captures, cancellation refunds, the seat goes back on sale', () => {
  const stack = useStack();

  it('moves the money exactly once in each direction across booking, payment, inventory and analytics', async () => {
    const fx = await createJourneyFixture(stack().servers);
    const booked = await runJourney(stack().routerUrl, fx);
    const api = client(stack().routerUrl);
    await api.signIn(fx.travelerEmail, fx.password);
    const money = async () => (await api.send<{ booking: MoneyView }>(MONEY, { id: booked.id })).booking;

    const { ticketBooking } = await api.send<{ ticketBooking: unknown }>(TICKET, { input: { bookingId: booked.id } });
    expect(ticketBooking).toMatchObject({ errors: [], booking: { status: 'TICKETED' } });
    const captured = await eventually(async () => {
      const m = await money();
      return m.payment.status === 'CAPTURED' ? m : undefined;
    }, { what: 'payment captured' });
    expect(captured.payment.capturedAmount.amount).toBe(captured.total.amount);

    // Ten days before departure the standard fare refunds in full.
    const { quoteCancellation } = await api.send<{ quoteCancellation: { quote: { id: string; refund: { amount: number } }; errors: unknown[] } }>(QUOTE, { input: { bookingId: booked.id } });
    expect(quoteCancellation.errors).toEqual([]);
    expect(quoteCancellation.quote.refund.amount).toBe(captured.total.amount);
    const { cancelBooking } = await api.send<{ cancelBooking: unknown }>(CANCEL, { input: { quoteId: quoteCancellation.quote.id, idempotencyKey: randomUUID(), reason: 'Workshop moved online' } });
    expect(cancelBooking).toMatchObject({ errors: [], booking: { status: 'CANCELED' } });

    const refunded = await eventually(async () => {
      const m = await money();
      return m.status === 'REFUNDED' && m.traveler.organization.spend.canceledBookings === 1 ? m : undefined;
    }, { what: 'refund completed and spend updated', timeoutMs: 20_000 });
    expect(refunded.payment.refundedAmount.amount).toBe(captured.total.amount);
    expect(refunded.traveler.organization.spend).toEqual({ totals: [], confirmedBookings: 0, canceledBookings: 1 });

    const seatsLeft = async () => (await api.send<{ flight: { cabins: { cabin: string; seatsLeft: number }[] } }>(op.FLIGHT_SEATS_LEFT, { id: fx.flightId })).flight.cabins.find((c) => c.cabin === 'ECONOMY')!.seatsLeft;
    // The narrow-body layout sells 156 economy seats; the journey's seat is one of them again.
    await eventually(async () => ((await seatsLeft()) === 156 ? true : undefined), { what: 'the sold seat back on sale' });
  });
});
