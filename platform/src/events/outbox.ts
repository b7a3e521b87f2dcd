import { randomUUID } from 'node:crypto';
import { and, asc, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { SubgraphName } from '../config.js';
import type { Database, Executor } from '../db/database.js';
import type { DomainEvent, EventType, NewEvent } from './catalog.js';

/** The transactional outbox table; every subgraph declares one in its own schema. */
export function outboxTable(schema: PgSchema<string>) {
  return schema.table(
    'outbox',
    {
      id: uuid('id').primaryKey(),
      type: text('type').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      orgId: uuid('org_id'),
      payload: jsonb('payload').notNull(),
      occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
      claimedUntil: timestamp('claimed_until', { withTimezone: true }),
      publishedAt: timestamp('published_at', { withTimezone: true }),
    },
    (t) => [index('outbox_unpublished_idx').on(t.occurredAt).where(sql`${t.publishedAt} is null`)],
  );
}
export type OutboxTable = ReturnType<typeof outboxTable>;

/** Events this subgraph has already handled, keyed by handler and event id. */
export function inboxTable(schema: PgSchema<string>) {
  return schema.table(
    'inbox',
    {
      handler: text('handler').notNull(),
      eventId: uuid('event_id').notNull(),
      handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.handler, t.eventId] })],
  );
}
export type InboxTable = ReturnType<typeof inboxTable>;

/** Writes events in the caller's transaction, so the change and its announcement commit together. */
export class Outbox {
  constructor(
    readonly table: OutboxTable,
    readonly source: SubgraphName,
  ) {}

  async record(tx: Executor, events: NewEvent | NewEvent[]): Promise<void> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return;
    await tx.insert(this.table).values(
      // clock_timestamp(), unlike now(), advances within a transaction, so events of one transaction keep the order they were emitted in.
      list.map((e) => ({ id: randomUUID(), type: e.type, aggregateId: e.aggregateId, orgId: e.orgId, payload: e.payload, occurredAt: sql`clock_timestamp()` })),
    );
  }

  /** Claims a batch of unpublished rows for a while, so parallel relays do not publish the same rows. */
  async claimBatch(db: Database, limit: number, leaseMs: number): Promise<DomainEvent[]> {
    const t = this.table;
    const claimable = db
      .select({ id: t.id })
      .from(t)
      .where(and(isNull(t.publishedAt), or(isNull(t.claimedUntil), lt(t.claimedUntil, sql`now()`))))
      .orderBy(asc(t.occurredAt), asc(t.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(t)
      .set({ claimedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')` })
      .where(inArray(t.id, claimable))
      .returning();
    rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
    return rows.map((r) => ({
      id: r.id,
      type: r.type as EventType,
      source: this.source,
      orgId: r.orgId,
      aggregateId: r.aggregateId,
      occurredAt: r.occurredAt.toISOString(),
      payload: r.payload as DomainEvent['payload'],
    }));
  }

  async markPublished(db: Database, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.update(this.table).set({ publishedAt: sql`now()` }).where(inArray(this.table.id, ids));
  }
}
