import { API_KEY_SCOPES, inboxTable, outboxTable, ROLES } from '@travel/platform';
import { date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const customer = pgSchema('customer');

export const ORGANIZATION_TIERS = ['starter', 'professional', 'enterprise'] as const;
export const EMPLOYEE_LEVELS = ['junior', 'senior', 'manager', 'director', 'vp', 'executive'] as const;
export type EmployeeLevel = (typeof EMPLOYEE_LEVELS)[number];
export const SEAT_PREFERENCES = ['aisle', 'window', 'no_preference'] as const;
export const MEAL_PREFERENCES = ['standard', 'vegetarian', 'vegan', 'kosher', 'halal', 'gluten_free', 'diabetic'] as const;
export const LOYALTY_PROGRAM_KINDS = ['airline', 'hotel'] as const;

/** What an organization configures for itself; absent keys take the defaults in organizations.service. */
export interface OrganizationSettings {
  autoRebook?: boolean;
  allowedEmailDomains?: string[];
}

export interface TravelPreferences {
  seat?: (typeof SEAT_PREFERENCES)[number] | null;
  meal?: (typeof MEAL_PREFERENCES)[number] | null;
}

/** A frequent-flyer or hotel loyalty number the person travels with (not the platform's own points). */
export interface LoyaltyMembership {
  kind: (typeof LOYALTY_PROGRAM_KINDS)[number];
  program: string;
  number: string;
}

export interface VisaOnFile {
  country: string;
  expiresOn: string;
}

export const organizations = customer.table('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  tier: text('tier', { enum: ORGANIZATION_TIERS }).notNull().default('starter'),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const people = customer.table(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    department: text('department'),
    level: text('level', { enum: EMPLOYEE_LEVELS }),
    title: text('title'),
    managerId: uuid('manager_id'),
    roles: text('roles', { enum: ROLES }).array().notNull().default(['traveler']),
    passwordHash: text('password_hash'),
    costCenter: text('cost_center'),
    preferences: jsonb('preferences').$type<TravelPreferences>().notNull().default({}),
    loyaltyMemberships: jsonb('loyalty_memberships').$type<LoyaltyMembership[]>().notNull().default([]),
    passportNumber: text('passport_number'),
    passportCountry: text('passport_country'),
    passportExpiresOn: date('passport_expires_on'),
    visas: jsonb('visas').$type<VisaOnFile[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_email_idx').on(t.email), index('people_org_idx').on(t.orgId, t.name, t.id)],
);

/**
 * One row per refresh token ever issued (until the sweeper deletes it after
 * expiry). Tokens of one sign-in share a family: a token presented after it
 * was used means it leaked, and the whole family is revoked.
 */
export const refreshTokens = customer.table(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    familyId: uuid('family_id').notNull(),
    /** SHA-256 of the opaque token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_idx').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_expiry_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins per email (known or not, so locking reveals nothing), in
 * PostgreSQL so every customer process sees the same count.
 */
export const signInThrottle = customer.table('sign_in_throttle', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** `delegateId` may book trips for `principalId`. */
export const delegations = customer.table(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    principalId: uuid('principal_id')
      .notNull()
      .references(() => people.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => people.id),
    grantedById: uuid('granted_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('delegations_pair_idx').on(t.principalId, t.delegateId), index('delegations_delegate_idx').on(t.orgId, t.delegateId)],
);

/** Partner API keys: only the SHA-256 of the secret is kept; the prefix lets admins tell keys apart. */
export const apiKeys = customer.table(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes', { enum: API_KEY_SCOPES }).array().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash), index('api_keys_org_idx').on(t.orgId, t.createdAt)],
);

export const LOYALTY_REASONS = ['first_booking', 'booking_confirmed', 'booking_completed', 'review', 'referral', 'referral_redeemed'] as const;
export type LoyaltyReason = (typeof LOYALTY_REASONS)[number];

/**
 * Every point a person earned, one row per award. `source` names what earned
 * it (a booking, a review, a referral code) so an award is made once per
 * (person, reason, source) even if two events describe the same fact.
 */
export const loyaltyLedger = customer.table(
  'loyalty_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason', { enum: LOYALTY_REASONS }).notNull(),
    source: text('source').notNull(),
    points: integer('points').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('loyalty_ledger_award_idx').on(t.personId, t.reason, t.source), index('loyalty_ledger_person_idx').on(t.personId, t.createdAt, t.id), index('loyalty_ledger_org_idx').on(t.orgId)],
);

/** Bookings customer learned of from booking events: what reviews and trip counts are checked against. */
export const loyaltyTrips = customer.table(
  'loyalty_trips',
  {
    bookingId: uuid('booking_id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['confirmed', 'completed', 'canceled'] }).notNull(),
    reviewRating: integer('review_rating'),
    reviewText: text('review_text'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('loyalty_trips_person_idx').on(t.personId, t.status)],
);

/** A person's referral code, and who redeemed it (a person redeems at most one code, never their own). */
export const referralCodes = customer.table('referral_codes', {
  code: text('code').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.id),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => people.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const referralRedemptions = customer.table('referral_redemptions', {
  redeemerId: uuid('redeemer_id')
    .primaryKey()
    .references(() => people.id),
  code: text('code')
    .notNull()
    .references(() => referralCodes.code),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const outbox = outboxTable(customer);
export const inbox = inboxTable(customer);

export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type DelegationRow = typeof delegations.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type LoyaltyLedgerRow = typeof loyaltyLedger.$inferSelect;
export type LoyaltyTripRow = typeof loyaltyTrips.$inferSelect;
