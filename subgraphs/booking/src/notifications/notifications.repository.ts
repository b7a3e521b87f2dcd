import type { Executor, Role } from '@travel/platform';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { notificationReads, notifications, type NotificationRow } from '../db/schema.js';

export type NewNotification = typeof notifications.$inferInsert;
export type NotificationCursor = [createdAt: string, id: string];
export type NotificationView = NotificationRow & { readAt: Date | null };

/** Who a person is for the inbox: themself, and the roles they hold in their organization. */
export interface Recipient {
  orgId: string;
  personId: string;
  roles: readonly Role[];
}

export class NotificationsRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: NewNotification[], db: Executor): Promise<NotificationRow[]> {
    if (values.length === 0) return [];
    return db.insert(notifications).values(values).returning();
  }

  private addressedTo(r: Recipient): SQL {
    const personal = eq(notifications.recipientId, r.personId);
    const byRole = r.roles.length > 0 ? inArray(notifications.recipientRole, [...r.roles]) : undefined;
    return and(eq(notifications.orgId, r.orgId), byRole ? or(personal, byRole) : personal)!;
  }

  /** The person's notifications, newest first, with when they read each. */
  async list(r: Recipient, unreadOnly: boolean, limit: number, after: NotificationCursor | null): Promise<NotificationView[]> {
    const conditions: (SQL | undefined)[] = [this.addressedTo(r)];
    if (unreadOnly) conditions.push(isNull(notificationReads.readAt));
    if (after) {
      const at = new Date(after[0]);
      conditions.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, after[1]))));
    }
    const rows = await this.db
      .select({ notification: notifications, readAt: notificationReads.readAt })
      .from(notifications)
      .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.personId, r.personId)))
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1);
    return rows.map((row) => ({ ...row.notification, readAt: row.readAt }));
  }

  async unreadCount(r: Recipient): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.personId, r.personId)))
      .where(and(this.addressedTo(r), isNull(notificationReads.readAt)));
    return row?.n ?? 0;
  }

  /** Marks the given notifications (or all of the person's when `ids` is null) read; returns the ids now read. */
  async markRead(r: Recipient, ids: readonly string[] | null, at: Date): Promise<string[]> {
    const mine = await this.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(this.addressedTo(r), ids ? inArray(notifications.id, [...ids]) : undefined));
    if (mine.length === 0) return [];
    await this.db
      .insert(notificationReads)
      .values(mine.map((m) => ({ notificationId: m.id, personId: r.personId, readAt: at })))
      .onConflictDoNothing();
    return mine.map((m) => m.id);
  }
}
