/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Which suggestion to accept, with a hold on its flight. */
export type AcceptRebookingInput = {
  /** The disruption. */
  disruptionId: string | number;
  /** An active seat hold on the suggested flight (holdSeat with its flight and cabin); it replaces the disrupted segment's hold, which inventory releases. */
  newHoldId: string | number;
  /** The chosen suggestion. */
  suggestionId: string | number;
};

/** Assistance the traveler needs, after the IATA special service request codes. */
export type AccessibilityNeed =
  /** Needs an accessible hotel room. */
  | 'ACCESSIBLE_ROOM'
  /** Blind or visually impaired (BLND). */
  | 'BLIND'
  /** Deaf or hard of hearing (DEAF). */
  | 'DEAF'
  /** Travels with their own wheelchair. */
  | 'OWN_WHEELCHAIR'
  /** Travels with a service animal (SVAN). */
  | 'SERVICE_ANIMAL'
  /** Wheelchair to the seat; cannot walk (WCHC). */
  | 'WHEELCHAIR_CABIN'
  /** Wheelchair for distances; can climb stairs and walk in the cabin (WCHR). */
  | 'WHEELCHAIR_RAMP'
  /** Wheelchair; cannot climb stairs but can walk in the cabin (WCHS). */
  | 'WHEELCHAIR_STEPS';

/** Where an approval request stands. */
export type ApprovalStatus =
  /** Every step approved: the booking went on to payment. */
  | 'APPROVED'
  /** Waiting for the current step's approver. */
  | 'PENDING'
  /** A step rejected it: the booking was canceled. */
  | 'REJECTED';

/** Why a step is in the chain. */
export type ApprovalStepKind =
  /** An executive, for totals at or above the executive threshold. */
  | 'EXECUTIVE'
  /** Someone with the finance role, for totals at or above the finance threshold. */
  | 'FINANCE'
  /** The traveler's line manager. */
  | 'MANAGER'
  /** A travel admin, when nobody else in the organization could approve. */
  | 'TRAVEL_ADMIN';

/** Where one step of a chain stands. */
export type ApprovalStepStatus =
  /** Approved, by its approver, their delegate or automatically. */
  | 'APPROVED'
  /** The step being decided now. */
  | 'PENDING'
  /** Rejected, by its approver, their delegate or automatically. */
  | 'REJECTED'
  /** Never asked, because an earlier step rejected the request. */
  | 'SKIPPED'
  /** A later step, not asked yet. */
  | 'WAITING';

/** Lifecycle of a booking; see the transition table in the booking subgraph. */
export type BookingStatus =
  /** Canceled, by a person or because payment failed. */
  | 'CANCELED'
  /** The trip has taken place. */
  | 'COMPLETED'
  /** Paid; the inventory is committed. */
  | 'CONFIRMED'
  /** Created from holds; nothing is paid or committed yet. */
  | 'DRAFT'
  /** Compliant and confirmed by the booker; waiting for payment to be authorized. */
  | 'PAYMENT_PENDING'
  /** Confirmed by the booker, but the travel policy asks for an approval first. */
  | 'PENDING_APPROVAL'
  /** Canceled and the money returned. */
  | 'REFUNDED'
  /** Something went wrong after payment (disruption, mismatch); an agent must look at it. */
  | 'REQUIRES_ATTENTION'
  /** Tickets were issued by the carrier. */
  | 'TICKETED';

/** Cabin class of a flight seat. */
export type Cabin =
  /** Business. */
  | 'BUSINESS'
  /** Economy. */
  | 'ECONOMY'
  /** First. */
  | 'FIRST'
  /** Premium economy. */
  | 'PREMIUM_ECONOMY';

/** Cancels a booking on the terms of a quote. */
export type CancelBookingInput = {
  /** Client-chosen key (8 to 255 characters); retrying with the same key and input has no further effect. */
  idempotencyKey: string;
  /** A quote from quoteCancellation, not expired, for the booking as it is now. */
  quoteId: string | number;
  /** Why the booking is canceled (at most 500 characters); kept in the audit trail. */
  reason?: string | null | undefined;
};

/** How much of a segment's price comes back when it is canceled, by time left before it starts. */
export type CancellationPolicy =
  /** Full refund until 24 hours before the start, nothing after. */
  | 'FLEXIBLE'
  /** Nothing is refunded. */
  | 'NON_REFUNDABLE'
  /** Full refund until 7 days before the start, half until 24 hours before, nothing after. */
  | 'STANDARD';

/** A car rental the traveler arranged with a rental company. */
export type CarSegmentInput = {
  /** The rental's refund rule; FLEXIBLE when not given. */
  cancellationPolicy?: CancellationPolicy | null | undefined;
  /** The car class, e.g. Compact or Full-size SUV. */
  carClass: string;
  /** When the car is returned; after pickupAt. */
  dropoffAt: string;
  /** Where the car is returned. */
  dropoffLocation: string;
  /** When the car is picked up. */
  pickupAt: string;
  /** Where the car is picked up. */
  pickupLocation: string;
  /** The rental price. */
  price: MoneyInput;
  /** The rental company. */
  supplier: string;
  /** The rental company's confirmation number. */
  supplierReference?: string | null | undefined;
};

/** Confirms a draft and asks for payment. */
export type ConfirmBookingInput = {
  /** Why the trip is needed despite the policy's soft warning; required when the policy warns, shown to the approvers. */
  approvalReason?: string | null | undefined;
  /** The draft to confirm. */
  bookingId: string | number;
  /** Client-chosen key (8 to 255 characters); retrying with the same key and input has no further effect. */
  idempotencyKey: string;
  /** Payment method reference for the payment provider, e.g. pm_card_visa. */
  paymentMethod: string;
};

/** What to book: inventory holds and car rentals, for whom, and why. */
export type CreateBookingDraftInput = {
  /** Car rentals to record as segments (0 to 5); there is no car inventory, so they are taken as given. */
  cars?: Array<CarSegmentInput> | null | undefined;
  /** Active holds to turn into segments: seat holds, room holds and package holds alike (0 to 10; with the cars at least one segment, one currency). */
  holdIds: Array<string | number>;
  /** Client-chosen key (8 to 255 characters); retrying with the same key and input returns the same draft instead of a second one. */
  idempotencyKey?: string | null | undefined;
  /** Passport, contact and needs of the traveler; can also be given later with updateTravelerDetails. */
  travelerDetails?: TravelerDetailsInput | null | undefined;
  /** The traveler; defaults to the caller. Booking for someone else needs their delegation (grantDelegation) or the travel admin role. */
  travelerId?: string | number | null | undefined;
  /** Why the trip is taken (at most 500 characters). */
  tripPurpose?: string | null | undefined;
};

/** A decision on the current step of an approval request. */
export type DecideApprovalInput = {
  /** A comment for the traveler and later approvers; required to reject, as the reason the booking is canceled. */
  comment?: string | null | undefined;
  /** The request to decide. */
  requestId: string | number;
};

/** A meal need the carrier or hotel is told about. */
export type DietaryNeed =
  /** Diabetic meal. */
  | 'DIABETIC'
  /** No gluten. */
  | 'GLUTEN_FREE'
  /** Halal. */
  | 'HALAL'
  /** Kosher. */
  | 'KOSHER'
  /** No lactose. */
  | 'LACTOSE_FREE'
  /** Low salt. */
  | 'LOW_SODIUM'
  /** Allergic to nuts. */
  | 'NUT_ALLERGY'
  /** No animal products. */
  | 'VEGAN'
  /** No meat or fish. */
  | 'VEGETARIAN';

/** What happened to the flight. */
export type DisruptionKind =
  /** The flight will not operate. */
  | 'CANCELED'
  /** The flight leaves later. */
  | 'DELAYED'
  /** The flight lands somewhere else. */
  | 'DIVERTED'
  /** The departure gate changed. */
  | 'GATE_CHANGED';

/** How bad a disruption is for a booking (see booking's src/disruptions/severity.ts). */
export type DisruptionSeverity =
  /** A cancellation or diversion; the booking needs attention. */
  | 'CRITICAL'
  /** A delay of three hours or more; the booking needs attention. */
  | 'HIGH'
  /** Gate change or a delay under an hour; for information. */
  | 'LOW'
  /** A delay of one to three hours. */
  | 'MEDIUM';

/** Where a disruption stands. */
export type DisruptionState =
  /** Waiting for someone to act (or for information only). */
  | 'OPEN'
  /** A suggested flight was accepted. */
  | 'REBOOKED'
  /** A newer report of the same flight replaced it. */
  | 'SUPERSEDED';

/** Someone to call in an emergency. */
export type EmergencyContactInput = {
  /** Their name. */
  name: string;
  /** Phone number in E.164 form. */
  phone: string;
  /** How they relate to the traveler. */
  relationship?: string | null | undefined;
};

/** What went wrong in a mutation, as data: the client can branch on code and highlight field. */
export type ErrorCode =
  | 'ACCOUNT_LOCKED'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'HOLD_EXPIRED'
  | 'HOLD_NOT_ACTIVE'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INSUFFICIENT_INVENTORY'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_RULE'
  | 'INVALID_TRANSITION'
  | 'NOT_FOUND'
  | 'PAYMENT_DECLINED'
  | 'PAYMENT_REQUIRES_ACTION'
  | 'POLICY_BLOCKED'
  | 'POLICY_NOT_EVALUATED'
  | 'QUOTE_EXPIRED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'SEAT_TAKEN'
  | 'VALIDATION_FAILED';

/** Which booking to judge. */
export type EvaluateBookingPolicyInput = {
  /** The booking to evaluate; it must belong to the caller's organization. */
  bookingId: string | number;
};

/** Family of a fare: how much a ticket allows, from the most restricted up. */
export type FareFamily =
  /** Cheapest: no refund, no changes, no checked bag. */
  | 'BASIC'
  /** Refundable, free changes, two checked bags. */
  | 'FLEX'
  /** No refund; changes for a fee; one checked bag. */
  | 'STANDARD';

/** Order of flight search results; ties are broken by departure, then id. */
export type FlightSort =
  /** Earliest departure first. */
  | 'DEPARTURE'
  /** Shortest duration first. */
  | 'DURATION'
  /** Cheapest fare first. */
  | 'PRICE';

/** A point on Earth. */
export type GeoPointInput = {
  /** Latitude in decimal degrees, -90 to 90. */
  latitude: number;
  /** Longitude in decimal degrees, -180 to 180. */
  longitude: number;
};

/** Which places of a package to hold. */
export type HoldPackageInput = {
  /** Departure date. */
  date: string;
  /** The package. */
  packageId: string | number;
  /** Places, from the package's minimum to its maximum group size; 1 when omitted. */
  travelers?: number | null | undefined;
};

/** Which rooms to hold. */
export type HoldRoomInput = {
  /** First night. */
  checkIn: string;
  /** Day of departure; at most 30 nights after checkIn. */
  checkOut: string;
  /** Guests in total; the rooms must sleep them. 1 when omitted. */
  guests?: number | null | undefined;
  /** The room type. */
  roomTypeId: string | number;
  /** Rooms, 1 to 9; 1 when omitted. */
  rooms?: number | null | undefined;
};

/** Which seat to hold: a chosen one, or any free seat of a cabin. */
export type HoldSeatInput = {
  /** Cabin to pick a seat from when seatId is omitted; with seatId, the seat must be in it. */
  cabin?: Cabin | null | undefined;
  /** Hold at this fare class of the flight: the cabin is the fare's, and the hold's price is the fare's price. */
  fareClassId?: string | number | null | undefined;
  /** The flight. */
  flightId: string | number;
  /** The seat to hold; when omitted, the cheapest free seat of cabin is picked. */
  seatId?: string | number | null | undefined;
};

/** State of a seat hold. */
export type HoldStatus =
  /** Reserves the seat until expiresAt. */
  | 'ACTIVE'
  /** Turned into a confirmed booking; the seat is sold. */
  | 'CONVERTED'
  /** Ran out before it was booked; the seat is free again. */
  | 'EXPIRED'
  /** Given up before it expired; the seat is free again. */
  | 'RELEASED';

/** Order of hotel search results; ties are broken by id. */
export type HotelSort =
  /** Nearest first; needs near. */
  | 'DISTANCE'
  /** By name. */
  | 'NAME'
  /** Lowest nightly rate of a fitting room first. */
  | 'PRICE'
  /** Most stars first. */
  | 'RATING';

/** An amount of money given by a client. */
export type MoneyInput = {
  /** Amount in minor units of the currency. */
  amount: number;
  /** ISO 4217 currency code, e.g. EUR. */
  currency: string;
};

/** Order of package search results; ties are broken by id. */
export type PackageSort =
  /** Shortest first. */
  | 'DURATION'
  /** Cheapest list price first. */
  | 'PRICE'
  /** Best text match first; needs text. */
  | 'RELEVANCE'
  /** By title. */
  | 'TITLE';

/** A passport. */
export type PassportInput = {
  /** Last day the passport is valid; must be after the trip ends. */
  expiresOn: string;
  /** Issuing country, ISO 3166-1 alpha-2 (e.g. DE). */
  issuingCountry: string;
  /** Document number, 5 to 20 letters and digits. */
  number: string;
};

/** Lifecycle of a payment. */
export type PaymentStatus =
  /** The amount is held on the payment method and awaits capture. */
  | 'AUTHORIZED'
  /** The authorization was released without collecting the amount. */
  | 'CANCELED'
  /** The held amount was collected. */
  | 'CAPTURED'
  /** The payment method was declined or could not be used; see failureCode. */
  | 'FAILED'
  /** The collected amount was returned to the payment method. */
  | 'REFUNDED'
  /** The cardholder must authenticate (3-D Secure) before the issuer decides. Not completed yet: booking treats it as failed. */
  | 'REQUIRES_ACTION';

/** The overall verdict of a policy evaluation. */
export type PolicyResult =
  /** No hard-stop or soft-warning rule triggered. */
  | 'COMPLIANT'
  /** At least one hard-stop rule triggered. */
  | 'HARD_STOP'
  /** At least one soft-warning rule triggered and no hard-stop rule did. */
  | 'SOFT_WARNING';

/** Asks what canceling a booking now would refund. */
export type QuoteCancellationInput = {
  /** The booking to cancel. */
  bookingId: string | number;
};

/** Kinds of reconciliation discrepancy. */
export type ReconciliationFlagKind =
  /** The amount ticketed differs from the amount authorized. */
  | 'AMOUNT_MISMATCH'
  /** The capture came more than 7 days after the authorization, when card authorizations lapse. */
  | 'LATE_CAPTURE'
  /** A card was charged by a merchant that did not identify itself. */
  | 'UNKNOWN_MERCHANT'
  /** A card was presented at a merchant outside airlines, hotels and car rental. */
  | 'UNUSUAL_CATEGORY';

/** Whether a reconciliation flag still needs attention. */
export type ReconciliationFlagStatus =
  /** Awaiting finance. */
  | 'OPEN'
  /** Finance resolved it. */
  | 'RESOLVED';

/** Which flag to resolve and why. */
export type ResolveReconciliationFlagInput = {
  /** The flag's id. */
  flagId: string | number;
  /** Finance's explanation, kept with the flag. */
  note: string;
};

/** What a person may do in their organization. */
export type Role =
  /** Approves policy exceptions. */
  | 'APPROVER'
  /** Books trips for others: for the people who delegated booking to them (grantDelegation). */
  | 'ARRANGER'
  /** Sees spend, payments and reconciliation. */
  | 'FINANCE'
  /** An integration partner calling the API with a key. */
  | 'PARTNER'
  /** Operates the platform across organizations. */
  | 'PLATFORM_ADMIN'
  /** Books their own trips. */
  | 'TRAVELER'
  /** Manages the travel program, policies and disruptions. */
  | 'TRAVEL_ADMIN';

/** What to search flights for. */
export type SearchFlightsInput = {
  /** Only flights of these airlines (IATA codes); all airlines when omitted or empty. */
  airlines?: Array<string> | null | undefined;
  /** Only flights with enough seats left in this cabin; any cabin when omitted. */
  cabin?: Cabin | null | undefined;
  /** Departure date, local to the origin airport's time zone. */
  date: string;
  /** Only flights departing at or after this local time at the origin, HH:MM. */
  departureAfter?: string | null | undefined;
  /** Only flights departing at or before this local time at the origin, HH:MM; earlier than departureAfter means a window across midnight. */
  departureBefore?: string | null | undefined;
  /** IATA code of the arrival airport. */
  destination: string;
  /** Only fares of this family; the fare shown is then the cheapest fare class of that family. */
  fareFamily?: FareFamily | null | undefined;
  /** Also search this many days before and after date, 0 to 3. */
  flexibleDays?: number | null | undefined;
  /** Only flights whose fare is at most this, in minor units of the fare's currency. */
  maxPrice?: number | null | undefined;
  /** At most this many stops, connections included; 0 or omitted searches flights of the route only, 1 or 2 also itineraries with that many connections. */
  maxStops?: number | null | undefined;
  /** Only flights whose fare is at least this, in minor units of the fare's currency. */
  minPrice?: number | null | undefined;
  /** IATA code of the departure airport. */
  origin: string;
  /** How many travelers need a seat, 1 to 9. */
  passengers?: number | null | undefined;
  /** Only refundable fares; the fare shown is then the cheapest refundable fare class. */
  refundableOnly?: boolean | null | undefined;
  /** Order of the results; DEPARTURE when omitted. */
  sort?: FlightSort | null | undefined;
};

/** What to search hotels for: a place (a city or a radius around a point), a stay and a party. */
export type SearchHotelsInput = {
  /** First night, local to the hotel. */
  checkIn: string;
  /** Day of departure (not a night of the stay); at most 30 nights after checkIn. */
  checkOut: string;
  /** City name, matched without regard to case; give either city or near. */
  city?: string | null | undefined;
  /** Guests in total; room types are kept only when rooms of them sleep everybody. 1 when omitted. */
  guests?: number | null | undefined;
  /** Only room types with a nightly rate of at most this, in minor units. */
  maxPrice?: number | null | undefined;
  /** Only room types with a nightly rate of at least this, in minor units. */
  minPrice?: number | null | undefined;
  /** Only hotels with at least this many stars. */
  minRating?: number | null | undefined;
  /** Search around this point; give either city or near. */
  near?: GeoPointInput | null | undefined;
  /** Radius around near in kilometers, up to 500; 25 when omitted. */
  radiusKm?: number | null | undefined;
  /** Rooms wanted, 1 to 9; 1 when omitted. */
  rooms?: number | null | undefined;
  /** Order of the results; PRICE when omitted. */
  sort?: HotelSort | null | undefined;
};

/** What to search travel packages for. */
export type SearchTravelPackagesInput = {
  /** Only this category, matched without regard to case. */
  category?: string | null | undefined;
  /** Only packages departing on or after this date with places left (today when only departingTo or travelers is given). */
  departingFrom?: string | null | undefined;
  /** Only packages departing on or before this date with places left. */
  departingTo?: string | null | undefined;
  /** Only packages to this city, matched without regard to case. */
  destination?: string | null | undefined;
  /** Only packages of at most this many days. */
  maxDays?: number | null | undefined;
  /** Only packages with a list price per traveler of at most this, in minor units. */
  maxPrice?: number | null | undefined;
  /** Only packages of at least this many days. */
  minDays?: number | null | undefined;
  /** Only packages with a list price per traveler of at least this, in minor units. */
  minPrice?: number | null | undefined;
  /** Order of the results; RELEVANCE with text, PRICE without, when omitted. */
  sort?: PackageSort | null | undefined;
  /** Words to find in title and description (full text: stemmed, quotes for phrases, or, -word to exclude). */
  text?: string | null | undefined;
  /** Places needed on a departure; with dates or alone, packages without such a departure are left out. */
  travelers?: number | null | undefined;
};

/** Where a seat sits in its row. */
export type SeatPosition =
  /** Next to an aisle. */
  | 'AISLE'
  /** Between two other seats. */
  | 'MIDDLE'
  /** Next to the window. */
  | 'WINDOW';

/** What a segment of a booking is. */
export type SegmentKind =
  /** A car rental. */
  | 'CAR'
  /** A seat on a flight. */
  | 'FLIGHT'
  /** A hotel stay. */
  | 'HOTEL'
  /** A bundled travel package. */
  | 'PACKAGE';

/** Credentials for signing in. */
export type SignInInput = {
  /** The person's email. */
  email: string;
  /** The person's password. */
  password: string;
};

/** How to reach the traveler. */
export type TravelerContactInput = {
  /** Email address. */
  email: string;
  /** Phone number in E.164 form, e.g. +14155550123. */
  phone: string;
};

/** Who travels, as the passport says, and how to reach them. Every invalid field is reported in errors, each with its path. */
export type TravelerDetailsInput = {
  /** Assistance needs. */
  accessibilityNeeds?: Array<AccessibilityNeed> | null | undefined;
  /** How to reach the traveler. */
  contact: TravelerContactInput;
  /** Date of birth; in the past, at most 130 years ago. */
  dateOfBirth: string;
  /** Meal needs. */
  dietaryNeeds?: Array<DietaryNeed> | null | undefined;
  /** Whom to call if something happens to the traveler. */
  emergencyContact: EmergencyContactInput;
  /** Given names exactly as on the passport (letters, spaces, hyphens, apostrophes). */
  givenNames: string;
  /** The passport the traveler travels on. */
  passport: PassportInput;
  /** Free-text requests for the carrier or hotel (at most 500 characters). */
  specialRequests?: string | null | undefined;
  /** Surname exactly as on the passport. */
  surname: string;
};

export type AnalyticsDashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AnalyticsDashboardQuery = { adminDashboard: { confirmedBookings: number, complianceRate: number | null, policyViolations: number, co2eKg: number, totalSpend: Array<{ amount: number, currency: string }>, averageTripCost: Array<{ amount: number, currency: string }>, bookingsByCabin: Array<{ cabin: Cabin, bookings: number }>, topDestinations: Array<{ destination: string, bookings: number, travelers: number }>, funnel: { searches: number, holds: number, bookingsConfirmed: number, paymentsAuthorized: number } } };

export type ApprovalQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ApprovalQueueQuery = { myApprovalQueue: { totalCount: number, edges: Array<{ node: { id: string, reason: string, requestedAt: string, amount: { amount: number, currency: string }, traveler: { id: string, name: string }, booking: { id: string, tripPurpose: string | null, segments: Array<{ id: string, description: string | null }> }, currentStep: { kind: ApprovalStepKind, dueAt: string | null, overdue: boolean } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApprovalUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ApprovalUpdatedSubscription = { approvalUpdated: { id: string, status: ApprovalStatus } };

export type ApproveRequestMutationVariables = Exact<{
  input: DecideApprovalInput;
}>;


export type ApproveRequestMutation = { approveApprovalRequest: { request: { id: string, status: ApprovalStatus } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type RejectRequestMutationVariables = Exact<{
  input: DecideApprovalInput;
}>;


export type RejectRequestMutation = { rejectApprovalRequest: { request: { id: string, status: ApprovalStatus } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string | null, accessTokenExpiresAt: string | null, viewer: { id: string, name: string } | null, errors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type CheckoutHoldQueryVariables = Exact<{
  holdId: string | number;
  seat: boolean;
  room: boolean;
  package: boolean;
}>;


export type CheckoutHoldQuery = { hold?: { id: string, status: HoldStatus, expiresAt: string, price: { amount: number, currency: string }, seat: { id: string, seatNumber: string }, flight: { id: string, flightNumber: string, departureAt: string, origin: { code: string, timeZone: string }, destination: { code: string } } } | null, roomHold?: { id: string, status: HoldStatus, expiresAt: string, checkIn: string, checkOut: string, rooms: number, price: { amount: number, currency: string }, roomType: { name: string }, hotel: { id: string, name: string, city: string } } | null, packageHold?: { id: string, status: HoldStatus, expiresAt: string, date: string, travelers: number, price: { amount: number, currency: string }, travelPackage: { id: string, title: string } } | null };

export type CheckoutCreateDraftMutationVariables = Exact<{
  input: CreateBookingDraftInput;
}>;


export type CheckoutCreateDraftMutation = { createBookingDraft: { booking: { id: string, status: BookingStatus } | null, errors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type CheckoutEvaluatePolicyMutationVariables = Exact<{
  input: EvaluateBookingPolicyInput;
}>;


export type CheckoutEvaluatePolicyMutation = { evaluateBookingPolicy: { evaluation: { id: string, result: PolicyResult, outcomes: Array<{ ruleId: string, triggered: boolean, message: string }> } | null, errors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type CheckoutConfirmMutationVariables = Exact<{
  input: ConfirmBookingInput;
}>;


export type CheckoutConfirmMutation = { confirmBooking: { booking: { id: string, status: BookingStatus } | null, errors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type DisruptionBanner_DisruptionFragment = { id: string, kind: DisruptionKind, severity: DisruptionSeverity, state: DisruptionState, flightNumber: string, delayMinutes: number | null, gate: string | null, reason: string | null, suggestions: Array<{ id: string, rank: number, flightNumber: string, cabin: Cabin, departAt: string, arriveAt: string, stops: number, seatsLeft: number, fare: { amount: number, currency: string }, fareDifference: { amount: number, currency: string }, flight: { id: string } }> } & { ' $fragmentName'?: 'DisruptionBanner_DisruptionFragment' };

export type HoldForRebookingMutationVariables = Exact<{
  input: HoldSeatInput;
}>;


export type HoldForRebookingMutation = { holdSeat: { hold: { id: string } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type AcceptRebookingMutationVariables = Exact<{
  input: AcceptRebookingInput;
}>;


export type AcceptRebookingMutation = { acceptRebooking: { booking: { id: string, status: BookingStatus } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type AirportsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type AirportsQuery = { airports: Array<{ code: string, name: string, city: string }> };

export type FlightCard_FlightFragment = { id: string, flightNumber: string, departureAt: string, arrivalAt: string, durationMinutes: number, stops: number, airline: { code: string, name: string }, origin: { code: string, city: string, timeZone: string }, destination: { code: string, city: string, timeZone: string }, cabins: Array<{ cabin: Cabin, seatsLeft: number, lowestFare: { amount: number, currency: string } | null }> } & { ' $fragmentName'?: 'FlightCard_FlightFragment' };

export type SearchFlightsQueryVariables = Exact<{
  input: SearchFlightsInput;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchFlightsQuery = { searchFlights: { edges: Array<{ cursor: string, node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'FlightCard_FlightFragment': FlightCard_FlightFragment } }
      ), offer: (
        { id: string, co2eKg: number | null }
        & { ' $fragmentRefs'?: { 'PolicyBadge_OfferFragment': PolicyBadge_OfferFragment } }
      ) }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { airlines: Array<{ count: number, airline: { code: string, name: string } }>, stops: Array<{ stops: number, count: number }> } | null } };

export type PolicyBadge_OfferFragment = { policyStatus: { result: PolicyResult, outcomes: Array<{ ruleId: string, triggered: boolean, message: string }> } } & { ' $fragmentName'?: 'PolicyBadge_OfferFragment' };

export type SearchHotelsQueryVariables = Exact<{
  input: SearchHotelsInput;
}>;


export type SearchHotelsQuery = { searchHotels: { totalCount: number, facets: { starRatings: Array<{ stars: number, count: number }>, priceBuckets: Array<{ count: number, min: { amount: number, currency: string }, max: { amount: number, currency: string } }> }, edges: Array<{ node: { id: string, name: string, city: string, starRating: number }, lowestNightlyRate: { amount: number, currency: string }, offers: Array<{ roomsLeft: number, nightlyRate: { amount: number, currency: string }, total: { amount: number, currency: string }, roomType: { id: string, name: string, capacity: number } }> }> } };

export type HoldRoomMutationVariables = Exact<{
  input: HoldRoomInput;
}>;


export type HoldRoomMutation = { holdRoom: { roomHold: { id: string } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, roles: Array<Role>, organization: { name: string } } | null };

export type OpenDisruptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenDisruptionsQuery = { disruptions: { edges: Array<{ node: { id: string, severity: DisruptionSeverity, kind: DisruptionKind, flightNumber: string, occurredAt: string, booking: { id: string, traveler: { id: string, name: string } } } }> } };

export type DisruptionRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DisruptionRaisedSubscription = { disruptionRaised: { id: string, severity: DisruptionSeverity } };

export type LiveBoardFlightsQueryVariables = Exact<{
  input: SearchFlightsInput;
}>;


export type LiveBoardFlightsQuery = { searchFlights: { edges: Array<{ node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'WatchedFlight_FlightFragment': WatchedFlight_FlightFragment } }
      ) }> } };

export type LiveBoardOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveBoardOrganizationQuery = { organization: { id: string, travelerMovements: { departingToday: Array<{ id: string, name: string }>, onTheRoad: Array<{ id: string, name: string }>, returningThisWeek: Array<{ id: string, name: string }> } | null } | null, bookings: { totalCount: number, edges: Array<{ node: { id: string, traveler: { name: string } } }> } };

export type WatchedFlight_FlightFragment = { id: string, flightNumber: string, departureAt: string, airline: { code: string }, origin: { code: string, timeZone: string }, destination: { code: string } } & { ' $fragmentName'?: 'WatchedFlight_FlightFragment' };

export type LiveFlightAvailabilitySubscriptionVariables = Exact<{
  flightId: string | number;
}>;


export type LiveFlightAvailabilitySubscription = { flightAvailabilityChanged: { flightId: string, cabins: Array<{ cabin: Cabin, seatsLeft: number }> } };

export type SearchPackagesQueryVariables = Exact<{
  input: SearchTravelPackagesInput;
}>;


export type SearchPackagesQuery = { searchTravelPackages: { totalCount: number, facets: { categories: Array<{ category: string, count: number }>, durations: Array<{ days: number, count: number }> }, edges: Array<{ node: { id: string, title: string, description: string, category: string, durationDays: number, destinationCity: string, destinationCountry: string, price: { amount: number, currency: string } }, departures: Array<{ date: string, placesLeft: number, price: { amount: number, currency: string } }> | null }> } };

export type HoldPackageMutationVariables = Exact<{
  input: HoldPackageInput;
}>;


export type HoldPackageMutation = { holdPackage: { packageHold: { id: string } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type PaymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentsQuery = { financeSummary: { capturedPayments: number, reconciledPayments: number, reconciliationRate: number | null, flaggedTransactions: number, activeCards: number, volume: Array<{ captured: { amount: number, currency: string }, refunded: { amount: number, currency: string }, net: { amount: number, currency: string } }> }, payments: { totalCount: number, nodes: Array<{ id: string, status: PaymentStatus, createdAt: string, paymentMethod: string | null, sandbox: boolean, amount: { amount: number, currency: string }, refundedAmount: { amount: number, currency: string }, booking: { id: string, traveler: { name: string } } }> }, reconciliationFlags: { edges: Array<{ node: { id: string, kind: ReconciliationFlagKind, detail: string, createdAt: string, amount: { amount: number, currency: string }, booking: { id: string } } }> } };

export type ResolveFlagMutationVariables = Exact<{
  input: ResolveReconciliationFlagInput;
}>;


export type ResolveFlagMutation = { resolveReconciliationFlag: { flag: { id: string, status: ReconciliationFlagStatus } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type SeatGrid_SeatFragment = { id: string, seatNumber: string, available: boolean, position: SeatPosition, exitRow: boolean, extraLegroom: boolean, price: { amount: number, currency: string } } & { ' $fragmentName'?: 'SeatGrid_SeatFragment' };

export type SeatMapQueryVariables = Exact<{
  flightId: string | number;
  cabin?: Cabin | null | undefined;
}>;


export type SeatMapQuery = { flight: { id: string, flightNumber: string, departureAt: string, airline: { code: string, name: string }, origin: { code: string, timeZone: string }, destination: { code: string }, seats: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'SeatGrid_SeatFragment': SeatGrid_SeatFragment } }
    )> } | null };

export type HoldSeatMutationVariables = Exact<{
  input: HoldSeatInput;
}>;


export type HoldSeatMutation = { holdSeat: { hold: { id: string, expiresAt: string } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type TripQueryVariables = Exact<{
  id: string | number;
}>;


export type TripQuery = { booking: { id: string, status: BookingStatus, tripPurpose: string | null, total: { amount: number, currency: string }, traveler: { id: string, name: string }, policyEvaluation: { result: PolicyResult } | null, payment: { id: string, status: PaymentStatus, paymentMethod: string | null } | null, segments: Array<{ id: string, kind: SegmentKind, description: string | null, origin: string | null, destination: string | null, startsAt: string | null, seat: { seatNumber: string } | null, price: { amount: number, currency: string } }>, disruptions: Array<(
      { id: string, state: DisruptionState }
      & { ' $fragmentRefs'?: { 'DisruptionBanner_DisruptionFragment': DisruptionBanner_DisruptionFragment } }
    )>, approval: { id: string, status: ApprovalStatus, steps: Array<{ position: number, kind: ApprovalStepKind, status: ApprovalStepStatus, comment: string | null, approver: { id: string, name: string } }> } | null, history: Array<{ at: string, fromStatus: BookingStatus | null, toStatus: BookingStatus, reason: string | null }> } | null };

export type TripQuoteCancellationMutationVariables = Exact<{
  input: QuoteCancellationInput;
}>;


export type TripQuoteCancellationMutation = { quoteCancellation: { quote: { id: string, expiresAt: string, refund: { amount: number, currency: string } } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type TripCancelMutationVariables = Exact<{
  input: CancelBookingInput;
}>;


export type TripCancelMutation = { cancelBooking: { booking: { id: string, status: BookingStatus } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type TripsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: BookingStatus | null | undefined;
}>;


export type TripsQuery = { bookings: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: BookingStatus, createdAt: string, tripPurpose: string | null, total: { amount: number, currency: string }, traveler: { id: string, name: string }, segments: Array<{ id: string, kind: SegmentKind, description: string | null, origin: string | null, destination: string | null, startsAt: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const DisruptionBanner_DisruptionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DisruptionBanner_disruption"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Disruption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"delayMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"gate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"departAt"}},{"kind":"Field","name":{"kind":"Name","value":"arriveAt"}},{"kind":"Field","name":{"kind":"Name","value":"stops"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"fare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fareDifference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DisruptionBanner_DisruptionFragment, unknown>;
export const FlightCard_FlightFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlightCard_flight"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"stops"}},{"kind":"Field","name":{"kind":"Name","value":"cabins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"lowestFare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<FlightCard_FlightFragment, unknown>;
export const PolicyBadge_OfferFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyBadge_offer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FlightOffer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PolicyBadge_OfferFragment, unknown>;
export const WatchedFlight_FlightFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WatchedFlight_flight"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<WatchedFlight_FlightFragment, unknown>;
export const SeatGrid_SeatFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SeatGrid_seat"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Seat"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"exitRow"}},{"kind":"Field","name":{"kind":"Name","value":"extraLegroom"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SeatGrid_SeatFragment, unknown>;
export const AnalyticsDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnalyticsDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmedBookings"}},{"kind":"Field","name":{"kind":"Name","value":"complianceRate"}},{"kind":"Field","name":{"kind":"Name","value":"policyViolations"}},{"kind":"Field","name":{"kind":"Name","value":"co2eKg"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageTripCost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingsByCabin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topDestinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"}},{"kind":"Field","name":{"kind":"Name","value":"travelers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searches"}},{"kind":"Field","name":{"kind":"Name","value":"holds"}},{"kind":"Field","name":{"kind":"Name","value":"bookingsConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAuthorized"}}]}}]}}]}}]} as unknown as DocumentNode<AnalyticsDashboardQuery, AnalyticsDashboardQueryVariables>;
export const ApprovalQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myApprovalQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tripPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const ApprovalUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ApprovalUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApprovalUpdatedSubscription, ApprovalUpdatedSubscriptionVariables>;
export const ApproveRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideApprovalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveApprovalRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveRequestMutation, ApproveRequestMutationVariables>;
export const RejectRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideApprovalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectApprovalRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectRequestMutation, RejectRequestMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const CheckoutHoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckoutHold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"seat"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"room"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"package"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"seat"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roomHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"room"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"}},{"kind":"Field","name":{"kind":"Name","value":"checkOut"}},{"kind":"Field","name":{"kind":"Name","value":"rooms"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roomType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hotel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"packageHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"package"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"travelers"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"travelPackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutHoldQuery, CheckoutHoldQueryVariables>;
export const CheckoutCreateDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutCreateDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBookingDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBookingDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutCreateDraftMutation, CheckoutCreateDraftMutationVariables>;
export const CheckoutEvaluatePolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutEvaluatePolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluateBookingPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluateBookingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutEvaluatePolicyMutation, CheckoutEvaluatePolicyMutationVariables>;
export const CheckoutConfirmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutConfirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmBookingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmBooking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutConfirmMutation, CheckoutConfirmMutationVariables>;
export const HoldForRebookingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldForRebooking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldSeatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdSeat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HoldForRebookingMutation, HoldForRebookingMutationVariables>;
export const AcceptRebookingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptRebooking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptRebookingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptRebooking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptRebookingMutation, AcceptRebookingMutationVariables>;
export const AirportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Airports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"airports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]} as unknown as DocumentNode<AirportsQuery, AirportsQueryVariables>;
export const SearchFlightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchFlights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchFlightsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchFlights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlightCard_flight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"co2eKg"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyBadge_offer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"airlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stops"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlightCard_flight"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"arrivalAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"stops"}},{"kind":"Field","name":{"kind":"Name","value":"cabins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"lowestFare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyBadge_offer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FlightOffer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"triggered"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SearchFlightsQuery, SearchFlightsQueryVariables>;
export const SearchHotelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchHotels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchHotelsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchHotels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"starRatings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stars"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceBuckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"max"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"starRating"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowestNightlyRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"nightlyRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roomType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchHotelsQuery, SearchHotelsQueryVariables>;
export const HoldRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomHold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HoldRoomMutation, HoldRoomMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const OpenDisruptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenDisruptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disruptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"openOnly"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenDisruptionsQuery, OpenDisruptionsQueryVariables>;
export const DisruptionRaisedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DisruptionRaised"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disruptionRaised"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}}]}}]} as unknown as DocumentNode<DisruptionRaisedSubscription, DisruptionRaisedSubscriptionVariables>;
export const LiveBoardFlightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveBoardFlights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchFlightsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchFlights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WatchedFlight_flight"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WatchedFlight_flight"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flight"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<LiveBoardFlightsQuery, LiveBoardFlightsQueryVariables>;
export const LiveBoardOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiveBoardOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"travelerMovements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departingToday"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onTheRoad"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returningThisWeek"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING_APPROVAL"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveBoardOrganizationQuery, LiveBoardOrganizationQueryVariables>;
export const LiveFlightAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveFlightAvailability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flightId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flightAvailabilityChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flightId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flightId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flightId"}},{"kind":"Field","name":{"kind":"Name","value":"cabins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}}]}}]}}]}}]} as unknown as DocumentNode<LiveFlightAvailabilitySubscription, LiveFlightAvailabilitySubscriptionVariables>;
export const SearchPackagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchPackages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchTravelPackagesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchTravelPackages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"durations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"destinationCity"}},{"kind":"Field","name":{"kind":"Name","value":"destinationCountry"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchPackagesQuery, SearchPackagesQueryVariables>;
export const HoldPackageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldPackage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldPackageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdPackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageHold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HoldPackageMutation, HoldPackageMutationVariables>;
export const PaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financeSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capturedPayments"}},{"kind":"Field","name":{"kind":"Name","value":"reconciledPayments"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliationRate"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedTransactions"}},{"kind":"Field","name":{"kind":"Name","value":"activeCards"}},{"kind":"Field","name":{"kind":"Name","value":"volume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"captured"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"net"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refundedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reconciliationFlags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PaymentsQuery, PaymentsQueryVariables>;
export const ResolveFlagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveReconciliationFlagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveReconciliationFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveFlagMutation, ResolveFlagMutationVariables>;
export const SeatMapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeatMap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flightId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cabin"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cabin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flight"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flightId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"departureAt"}},{"kind":"Field","name":{"kind":"Name","value":"airline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"origin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cabin"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cabin"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"SeatGrid_seat"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SeatGrid_seat"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Seat"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"exitRow"}},{"kind":"Field","name":{"kind":"Name","value":"extraLegroom"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SeatMapQuery, SeatMapQueryVariables>;
export const HoldSeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldSeat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldSeatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdSeat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HoldSeatMutation, HoldSeatMutationVariables>;
export const TripDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Trip"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tripPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policyEvaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"seat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"disruptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DisruptionBanner_disruption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DisruptionBanner_disruption"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Disruption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"delayMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"gate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"flightNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cabin"}},{"kind":"Field","name":{"kind":"Name","value":"departAt"}},{"kind":"Field","name":{"kind":"Name","value":"arriveAt"}},{"kind":"Field","name":{"kind":"Name","value":"stops"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"fare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fareDifference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TripQuery, TripQueryVariables>;
export const TripQuoteCancellationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TripQuoteCancellation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteCancellationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quoteCancellation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TripQuoteCancellationMutation, TripQuoteCancellationMutationVariables>;
export const TripCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TripCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelBookingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelBooking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TripCancelMutation, TripCancelMutationVariables>;
export const TripsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Trips"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"tripPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traveler"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TripsQuery, TripsQueryVariables>;