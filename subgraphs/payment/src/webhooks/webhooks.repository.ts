import type { Executor } from '@travel/platform';
import { eq } from 'drizzle-orm';
import { webhookEvents } from '../db/schema.js';

export type WebhookOutcome = 'applied' | 'ignored' | 'unsupported';

export class WebhooksRepository {
  constructor(private readonly db: Executor) {}

  /** Claims a Stripe event id; false when it was stored before (a replay or Stripe's at-least-once redelivery). */
  async claim(event: { id: string; type: string; created: number; payload: unknown }, receivedAt: Date, db: Executor): Promise<boolean> {
    const rows = await db
      .insert(webhookEvents)
      .values({ id: event.id, type: event.type, createdAt: new Date(event.created * 1000), receivedAt, outcome: 'pending', payload: event.payload })
      .onConflictDoNothing({ target: webhookEvents.id })
      .returning({ id: webhookEvents.id });
    return rows.length > 0;
  }

  async settle(id: string, outcome: WebhookOutcome, db: Executor): Promise<void> {
    await db.update(webhookEvents).set({ outcome }).where(eq(webhookEvents.id, id));
  }

  async find(id: string, db: Executor = this.db) {
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
    return row;
  }
}
