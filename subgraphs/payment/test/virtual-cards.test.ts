import { randomUUID } from 'node:crypto';
import { ManualClock, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualCardRow } from '../src/db/schema.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { bookingConfirmed, publishFromBooking } from './booking-events.js';

const SECRET = 'whsec_test_cards';
const BOOKING_CARD = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Booking { id virtualCard { last4 expMonth expYear status allowedCategories limit { amount currency } spent { amount } available { amount }
      transactions { amount { amount } merchantCategory approved declineReason } booking { id } } }
  }
}`;

describe('virtual cards per booking', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const config = testConfig({ STRIPE_WEBHOOK_SECRET: SECRET });
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  let url: string;

  async function issuedCard(orgId: string, amount = 50_000, currency = 'USD'): Promise<VirtualCardRow> {
    const bookingId = randomUUID();
    await publishFromBooking(runtime, bookingConfirmed(orgId, bookingId, amount, currency));
    return eventually(() => server.services.repositories.cards.findByBooking(bookingId), { what: 'virtual card' });
  }
  const charge = (card: VirtualCardRow, amount: number, merchantCategory = 'airlines_air_carriers', currency = 'USD', id = `iauth_${randomUUID()}`) =>
    server.services.cards.authorizeCardTransaction({ providerAuthorizationId: id, providerCardId: card.providerCardId, amount, currency, merchantCategory, merchantName: 'Test Air' });
  const cardNow = async (card: VirtualCardRow) => (await server.services.repositories.cards.findByBooking(card.bookingId))!;

  beforeAll(async () => {
    runtime = await createTestRuntime(config, clock);
    server = createPaymentServer(runtime);
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('issues one card per confirmed booking, limited to its amount and to airlines, hotels and car rental', async () => {
    const orgId = randomUUID();
    const bookingId = randomUUID();
    await publishFromBooking(runtime, bookingConfirmed(orgId, bookingId, 48_250), bookingConfirmed(orgId, bookingId, 48_250));
    const card = await eventually(() => server.services.repositories.cards.findByBooking(bookingId), { what: 'card' });

    expect(card).toMatchObject({
      orgId,
      provider: 'sandbox',
      limitMinor: 48_250,
      spentMinor: 0,
      currency: 'USD',
      status: 'active',
      allowedCategories: ['airlines', 'hotels', 'car_rental'],
      last4: expect.stringMatching(/^\d{4}$/),
      providerCardId: expect.stringMatching(/^ic_sandbox_/),
    });
  });

  it('approves charges within the controls and tracks the spend; declines other categories, other currencies and anything over the limit', async () => {
    const card = await issuedCard(randomUUID(), 50_000);

    expect(await charge(card, 30_000, 'airlines_air_carriers')).toMatchObject({ approved: true });
    expect(await charge(card, 15_000, 'hotels_motels_and_resorts')).toMatchObject({ approved: true });
    expect(await charge(card, 100, 'eating_places_restaurants')).toMatchObject({ approved: false, reason: 'merchant_category_not_allowed' });
    expect(await charge(card, 100, 'car_rental_agencies', 'EUR')).toMatchObject({ approved: false, reason: 'currency_mismatch' });
    expect(await charge(card, 5_001, 'car_rental_agencies')).toMatchObject({ approved: false, reason: 'spending_limit_exceeded' });
    expect(await charge(card, 5_000, 'car_rental_agencies')).toMatchObject({ approved: true });
    expect(await charge(card, 1, 'car_rental_agencies')).toMatchObject({ approved: false, reason: 'spending_limit_exceeded' });

    expect((await cardNow(card)).spentMinor).toBe(50_000);
  });

  it('decides an authorization id once, and declines an unknown card', async () => {
    const card = await issuedCard(randomUUID(), 10_000);
    expect(await charge(card, 4_000, 'airlines_air_carriers', 'USD', 'iauth_same')).toMatchObject({ approved: true });
    expect(await charge(card, 4_000, 'airlines_air_carriers', 'USD', 'iauth_same')).toMatchObject({ approved: true });
    expect((await cardNow(card)).spentMinor).toBe(4_000);

    const unknown = await server.services.cards.authorizeCardTransaction({
      providerAuthorizationId: 'iauth_x',
      providerCardId: 'ic_nobody',
      amount: 1,
      currency: 'USD',
      merchantCategory: 'airlines_air_carriers',
      merchantName: null,
    });
    expect(unknown).toMatchObject({ approved: false, reason: 'card_unknown', transaction: null });
  });

  it('never lets concurrent charges overspend the limit', async () => {
    const card = await issuedCard(randomUUID(), 10_000);
    const decisions = await Promise.all(Array.from({ length: 4 }, () => charge(card, 6_000)));
    expect(decisions.filter((d) => d.approved)).toHaveLength(1);
    expect((await cardNow(card)).spentMinor).toBe(6_000);
  });

  it('shows Booking.virtualCard with last four digits, limit and spend, and nothing to another organization', async () => {
    const orgId = randomUUID();
    const card = await issuedCard(orgId, 20_000, 'EUR');
    await charge(card, 7_500, 'car_rental_agencies', 'EUR');
    clock.advance(1_000); // transactions list oldest first; distinct times make that order observable
    await charge(card, 100, 'gambling', 'EUR');
    const representations = [{ __typename: 'Booking', id: card.bookingId }];

    const own = await gqlRequest<{ _entities: { virtualCard: Record<string, unknown> | null }[] }>(
      url,
      BOOKING_CARD,
      { representations },
      await routerHeaders(config, { personId: randomUUID(), orgId, roles: ['traveler'] }),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0]!.virtualCard).toEqual({
      last4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      status: 'ACTIVE',
      allowedCategories: ['AIRLINES', 'HOTELS', 'CAR_RENTAL'],
      limit: { amount: 20_000, currency: 'EUR' },
      spent: { amount: 7_500 },
      available: { amount: 12_500 },
      transactions: [
        { amount: { amount: 7_500 }, merchantCategory: 'car_rental_agencies', approved: true, declineReason: null },
        { amount: { amount: 100 }, merchantCategory: 'gambling', approved: false, declineReason: 'merchant_category_not_allowed' },
      ],
      booking: { id: card.bookingId },
    });

    const other = await gqlRequest<{ _entities: { virtualCard: unknown }[] }>(
      url,
      BOOKING_CARD,
      { representations },
      await routerHeaders(config, { personId: randomUUID(), orgId: randomUUID(), roles: ['travel_admin'] }),
    );
    expect(other.data!._entities[0]!.virtualCard).toBeNull();
  });

  it('answers issuing_authorization.request webhooks with the decision Stripe expects, the same on redelivery', async () => {
    const card = await issuedCard(randomUUID(), 10_000);
    const request = (amount: number, category: string, id = `iauth_${randomUUID()}`) =>
      JSON.stringify({
        id: `evt_${randomUUID()}`,
        object: 'event',
        type: 'issuing_authorization.request',
        api_version: '2026-10-28.endive',
        created: Math.floor(clock.now().getTime() / 1000),
        livemode: false,
        data: {
          object: {
            id,
            object: 'issuing.authorization',
            amount: 0,
            currency: 'usd',
            card: { id: card.providerCardId, object: 'issuing.card' },
            merchant_data: { category: category, name: 'Merchant' },
            pending_request: { amount, currency: 'usd' },
          },
        },
      });
    const deliver = async (payload: string) => {
      const res = await fetch(new URL('/webhooks/stripe', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(clock.now().getTime() / 1000) }) },
        body: payload,
      });
      return { status: res.status, version: res.headers.get('stripe-version'), body: await res.json() };
    };

    const approved = request(9_000, 'airlines_air_carriers');
    expect(await deliver(approved)).toEqual({ status: 200, version: '2026-10-28.endive', body: { approved: true, metadata: { decision: 'approved' } } });
    expect(await deliver(approved)).toMatchObject({ body: { approved: true } });
    expect(await deliver(request(2_000, 'airlines_air_carriers'))).toMatchObject({ body: { approved: false, metadata: { decision: 'spending_limit_exceeded' } } });
    expect(await deliver(request(10, 'dating_escort_services'))).toMatchObject({ body: { approved: false, metadata: { decision: 'merchant_category_not_allowed' } } });
    expect((await cardNow(card)).spentMinor).toBe(9_000);
  });
});
