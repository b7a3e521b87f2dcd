import type { DomainEvent, Executor } from '@travel/platform';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { eventLog } from '../db/schema.js';

/**
 * The analytics event log: each consumed event stored once by id, as it
 * arrived. It is the source every projection can be rebuilt from.
 */
export class EventLogRepository {
  constructor(private readonly db: Executor) {}

  /** True when the event is new to the log (a duplicate id is not stored or projected again). */
  async append(event: DomainEvent, db: Executor = this.db): Promise<boolean> {
    const stored = await db
      .insert(eventLog)
      .values({
        eventId: event.id,
        type: event.type,
        source: event.source,
        orgId: event.orgId,
        aggregateId: event.aggregateId,
        occurredAt: event.occurredAt,
        payload: event.payload,
      })
      .onConflictDoNothing()
      .returning({ eventId: eventLog.eventId });
    return stored.length > 0;
  }

  /**
   * One page of an organization's events in (occurredAt, id) order, after
   * the given position; the order is total, so paging never skips or repeats.
   */
  async page(orgId: string, after: { occurredAt: string; eventId: string } | null, limit: number, db: Executor = this.db): Promise<DomainEvent[]> {
    const t = eventLog;
    const rows = await db
      .select({
        id: t.eventId,
        type: t.type,
        source: t.source,
        orgId: t.orgId,
        aggregateId: t.aggregateId,
        occurredAt: sql<string>`to_char(${t.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        payload: t.payload,
      })
      .from(t)
      .where(
        and(
          eq(t.orgId, orgId),
          after ? or(gt(t.occurredAt, after.occurredAt), and(eq(t.occurredAt, after.occurredAt), gt(t.eventId, after.eventId))) : undefined,
        ),
      )
      .orderBy(asc(t.occurredAt), asc(t.eventId))
      .limit(limit);
    return rows as DomainEvent[];
  }
}
