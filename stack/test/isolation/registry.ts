import { randomUUID } from 'node:crypto';
import type { Catalog } from './catalog.js';
import type { Tenant } from './tenants.js';

/**
 * What the suite knows about the graph's types. Everything here is keyed by
 * name and checked against the composed schema: a type, input, scalar or
 * subscription the suite meets and does not find here fails the run, so the
 * lead adds a line instead of a field going untested.
 */

/** Organization-owned rows must never cross organizations; catalog rows are shared by everyone. */
export type Ownership = 'owned' | 'catalog';

/** Every object type with an `id` (and every entity) is one or the other. */
export const TYPE_OWNERSHIP: Record<string, Ownership> = {
  ApiKey: 'owned',
  ApprovalRequest: 'owned',
  Booking: 'owned',
  CancellationQuote: 'owned',
  CardTransaction: 'owned',
  Disruption: 'owned',
  Hold: 'owned',
  LoyaltyAward: 'owned',
  Notification: 'owned',
  Organization: 'owned',
  PackageHold: 'owned',
  Payment: 'owned',
  PaymentRefund: 'owned',
  Person: 'owned',
  PolicyEvaluation: 'owned',
  PolicyRule: 'owned',
  PolicyVersion: 'owned',
  RebookingSuggestion: 'owned',
  ReconciliationFlag: 'owned',
  RoomHold: 'owned',
  Segment: 'owned',
  SegmentChange: 'owned',
  TravelPolicy: 'owned',
  VirtualCard: 'owned',
  Airport: 'catalog',
  FareClass: 'catalog',
  FlightOffer: 'catalog',
  FlightStatusUpdate: 'catalog',
  Flight: 'catalog',
  Hotel: 'catalog',
  RoomType: 'catalog',
  Seat: 'catalog',
  TravelPackage: 'catalog',
};

export function ownership(type: string): Ownership {
  const o = TYPE_OWNERSHIP[type];
  if (!o) throw new Error(`isolation registry: type ${type} is not classified as owned or catalog (add it to TYPE_OWNERSHIP)`);
  return o;
}

/** Which type an ID argument or input field names, by its name; `id` itself means the field's own return type. */
const ID_BY_NAME: Record<string, string> = {
  bookingId: 'Booking',
  delegateId: 'Person',
  disruptionId: 'Disruption',
  fareClassId: 'FareClass',
  offerId: 'FlightOffer',
  personId: 'Person',
  policyId: 'TravelPolicy',
  principalId: 'Person',
  requestId: 'ApprovalRequest',
  ruleId: 'PolicyRule',
  seatIds: 'Seat',
  suggestionId: 'RebookingSuggestion',
  versionId: 'PolicyVersion',
  flagId: 'ReconciliationFlag',
  flightId: 'Flight',
  holdId: 'Hold',
  holdIds: 'Hold',
  newHoldId: 'Hold',
  packageId: 'TravelPackage',
  quoteId: 'CancellationQuote',
  roomTypeId: 'RoomType',
  seatId: 'Seat',
  segmentId: 'Segment',
  travelerId: 'Person',
};

/** Where the name alone is ambiguous: `<Root>.<field>.<argument path>`. */
const ID_BY_PATH: Record<string, string> = {
  'Mutation.extendPackageHold.input.holdId': 'PackageHold',
  'Mutation.releasePackageHold.input.holdId': 'PackageHold',
  'Mutation.extendRoomHold.input.holdId': 'RoomHold',
  'Mutation.releaseRoomHold.input.holdId': 'RoomHold',
  'Mutation.markNotificationsRead.input.ids': 'Notification',
};

export function idTarget(path: string, name: string, returnType: string): string {
  const target = ID_BY_PATH[path] ?? (name === 'id' ? returnType : ID_BY_NAME[name]);
  if (!target) throw new Error(`isolation registry: cannot tell which type the ID at ${path} refers to (add it to ID_BY_NAME or ID_BY_PATH)`);
  ownership(target);
  return target;
}

/** Values for scalars of required arguments and input fields that no sample sets. */
export function scalarSample(scalar: string, c: Catalog): unknown {
  switch (scalar) {
    case 'String':
      return 'isolation-probe';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'MinorUnits':
      return 1000;
    case 'Date':
      return c.flightDate;
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      throw new Error(`isolation registry: no sample for scalar ${scalar} (add it to scalarSample)`);
  }
}

/** Literals for required arguments of nested fields, by argument name and scalar. */
export function nestedLiteral(scalar: string, name: string, c: Catalog): string | undefined {
  if (scalar === 'DateTime') return JSON.stringify(name === 'to' ? '2031-01-01T00:00:00Z' : '2020-01-01T00:00:00Z');
  if (scalar === 'Date') return JSON.stringify(name === 'checkOut' || name === 'to' ? c.checkOut : c.checkIn);
  return undefined;
}

/** A valid travelerDetails, with values distinctive of the tenant so a leak of them is visible. */
export function travelerDetails(t: { tag: string; email: string }) {
  return {
    givenNames: `Given${t.tag}`,
    surname: `Surname${t.tag}`,
    dateOfBirth: '1985-04-12',
    contact: { email: t.email, phone: '+44 20 7946 0001' },
    emergencyContact: { name: `Contact${t.tag}`, phone: '+44 20 7946 0002' },
    passport: { number: `P${t.tag}`, issuingCountry: 'GB', expiresOn: '2034-01-01' },
  };
}

type Sample = (c: Catalog, self: Tenant) => Record<string, unknown>;

/**
 * Valid values for every input type the probes send (ID fields excepted: the
 * probe fills those with one organization's ids), so that a refusal means
 * the organization check and not a validation failure.
 */
export const INPUT_SAMPLES: Record<string, Sample> = {
  CancelBookingInput: () => ({ idempotencyKey: randomUUID(), reason: 'isolation probe' }),
  ChangeBookingSegmentInput: () => ({ idempotencyKey: randomUUID() }),
  ConfirmBookingInput: () => ({ idempotencyKey: randomUUID(), paymentMethod: 'pm_card_visa' }),
  CreateBookingDraftInput: () => ({ tripPurpose: 'isolation probe' }),
  EvaluateBookingPolicyInput: () => ({}),
  ExtendHoldInput: () => ({ minutes: 5 }),
  HoldPackageInput: (c) => ({ date: c.packageDate, travelers: 1 }),
  HoldRoomInput: (c) => ({ checkIn: c.checkIn, checkOut: c.checkOut, guests: 1, rooms: 1 }),
  HoldSeatInput: () => ({ cabin: 'ECONOMY' }),
  PackageHoldInput: () => ({}),
  QuoteCancellationInput: () => ({}),
  ReleaseHoldInput: () => ({}),
  ResolveReconciliationFlagInput: () => ({ note: 'isolation probe' }),
  RoomHoldInput: () => ({}),
  SearchFlightsInput: (c) => ({ origin: 'JFK', destination: 'LHR', date: c.flightDate }),
  SearchHotelsInput: (c) => ({ city: c.hotelCity, checkIn: c.checkIn, checkOut: c.checkOut }),
  SearchTravelPackagesInput: () => ({}),
  SetDepartmentBudgetInput: () => ({ department: 'Engineering', period: 'MONTH', amount: { amount: 5_000_000, currency: 'USD' } }),
  SignInInput: () => ({ email: 'nobody@isolation.example', password: 'not-a-password' }),
  TicketBookingInput: () => ({}),
  UpdateTravelerDetailsInput: (_c, self) => ({ travelerDetails: travelerDetails({ tag: `${self.nameTag}probe`, email: 'probe@isolation.example' }) }),
};

export function inputSample(type: string, c: Catalog, self: Tenant): Record<string, unknown> {
  const sample = INPUT_SAMPLES[type];
  if (!sample) throw new Error(`isolation registry: no sample for input ${type} (add it to INPUT_SAMPLES)`);
  return sample(c, self);
}

/** How an organization's data changes under each subscription, so the suite can watch the other organization's stream. */
export interface SubscriptionTrigger {
  /** Changes `owner`'s data in a way the subscription reports. */
  fire(owner: Tenant, c: Catalog): Promise<void>;
}

export const SUBSCRIPTION_TRIGGERS: Record<string, SubscriptionTrigger> = {
  flightAvailabilityChanged: {
    fire: async (owner, c) => {
      await owner.as('all').mutate(`mutation { holdSeat(input: { flightId: "${c.flightId}", cabin: ECONOMY }) { hold { id } errors { code } } }`);
    },
  },
};

export function subscriptionTrigger(name: string): SubscriptionTrigger {
  const trigger = SUBSCRIPTION_TRIGGERS[name];
  if (!trigger) throw new Error(`isolation registry: no trigger for subscription ${name} (add it to SUBSCRIPTION_TRIGGERS)`);
  return trigger;
}
