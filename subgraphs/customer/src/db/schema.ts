import { inboxTable, outboxTable, ROLES } from '@travel/platform';
import { index, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const customer = pgSchema('customer');

export const ORGANIZATION_TIERS = ['starter', 'professional', 'enterprise'] as const;
export const EMPLOYEE_LEVELS = ['junior', 'senior', 'manager', 'director', 'vp', 'executive'] as const;
export type EmployeeLevel = (typeof EMPLOYEE_LEVELS)[number];

export const organizations = customer.table('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  tier: text('tier', { enum: ORGANIZATION_TIERS }).notNull().default('starter'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_email_idx').on(t.email), index('people_org_idx').on(t.orgId, t.name, t.id)],
);

export const outbox = outboxTable(customer);
export const inbox = inboxTable(customer);

export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
