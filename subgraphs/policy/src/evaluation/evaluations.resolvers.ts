import { enumResolver, payload, requireViewer, type Resolvers } from '@travel/platform';
import type { PolicyContext } from '../context.js';
import { POLICY_RESULTS, type StoredOutcome } from '../db/schema.js';
import type { OfferFacts } from './offer-facts.js';

/** A FlightOffer representation as the router sends it, with the fields policy @requires. */
interface FlightOfferRepresentation {
  id: string;
  cabin: string;
  fareClass: string;
  price: { amount: number; currency: string };
  departureAt: string;
  arrivalAt: string;
  airlineCode: string;
  destinationCountry: string;
}

function flightOfferFacts(offer: FlightOfferRepresentation): OfferFacts {
  return {
    offerId: offer.id,
    kind: 'flight',
    cabin: offer.cabin,
    fareClass: offer.fareClass,
    priceAmount: offer.price.amount,
    departAt: offer.departureAt,
    arriveAt: offer.arrivalAt,
    checkIn: null,
    checkOut: null,
    vendor: offer.airlineCode,
    destinationCountry: offer.destinationCountry,
  };
}

export const evaluationsResolvers: Resolvers<PolicyContext> = {
  PolicyResult: enumResolver(POLICY_RESULTS),
  Mutation: {
    evaluateBookingPolicy: (_: unknown, args: { input: { bookingId: string } }, ctx: PolicyContext) =>
      payload(async () => ({
        evaluation: await ctx.services.evaluations.evaluateBooking(requireViewer(ctx.viewer), ctx.identity, args.input),
      })),
    evaluateOffers: (_: unknown, args: { input: unknown }, ctx: PolicyContext) =>
      payload(async () => ({
        evaluations: await ctx.services.evaluations.evaluateOffers(requireViewer(ctx.viewer), ctx.identity, args.input),
      })),
  },
  RuleOutcome: {
    applies: (outcome: StoredOutcome) => outcome.applies ?? true,
    details: (outcome: StoredOutcome) => (outcome.details ? JSON.stringify(outcome.details) : null),
  },
  Booking: {
    // The booking subgraph owns the booking and its tenancy; policy only needs the id to find its own rows.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    policyEvaluation: (booking: { id: string }, _: unknown, ctx: PolicyContext) => ctx.loaders.latestEvaluation.load(booking.id),
  },
  FlightOffer: {
    // Inventory owns the offer; the representation already carries every field the verdict needs.
    __resolveReference: (ref: FlightOfferRepresentation) => ref,
    policyStatus: (offer: FlightOfferRepresentation, _: unknown, ctx: PolicyContext) => {
      requireViewer(ctx.viewer);
      return ctx.loaders.offerVerdict.load(flightOfferFacts(offer));
    },
  },
};
