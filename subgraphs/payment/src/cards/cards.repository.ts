import { alignByKey, type Executor } from '@travel/platform';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { cardTransactions, virtualCards, type CardTransactionRow, type VirtualCardRow } from '../db/schema.js';

type NewCard = typeof virtualCards.$inferInsert;
type NewCardTransaction = typeof cardTransactions.$inferInsert;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class CardsRepository {
  constructor(private readonly db: Executor) {}

  /** Each booking's card within one organization, aligned with `bookingIds`. */
  async findByBookingIds(orgId: string, bookingIds: readonly string[]): Promise<(VirtualCardRow | null)[]> {
    const valid = bookingIds.filter((id) => UUID.test(id));
    if (valid.length === 0) return bookingIds.map(() => null);
    const rows = await this.db
      .select()
      .from(virtualCards)
      .where(and(eq(virtualCards.orgId, orgId), inArray(virtualCards.bookingId, valid)));
    return alignByKey(bookingIds, rows, (r) => r.bookingId);
  }

  async findByBooking(bookingId: string, db: Executor = this.db): Promise<VirtualCardRow | undefined> {
    const [row] = await db.select().from(virtualCards).where(eq(virtualCards.bookingId, bookingId));
    return row;
  }

  /** Locked for the transaction: concurrent authorizations on one card are decided one after another. */
  async lockByProviderCardId(providerCardId: string, db: Executor): Promise<VirtualCardRow | undefined> {
    const [row] = await db.select().from(virtualCards).where(eq(virtualCards.providerCardId, providerCardId)).for('update');
    return row;
  }

  async insertOnce(values: NewCard, db: Executor): Promise<VirtualCardRow | undefined> {
    const [row] = await db.insert(virtualCards).values(values).onConflictDoNothing({ target: virtualCards.bookingId }).returning();
    return row;
  }

  async addSpend(cardId: string, spentMinor: number, db: Executor): Promise<void> {
    await db.update(virtualCards).set({ spentMinor }).where(eq(virtualCards.id, cardId));
  }

  async findTransaction(providerAuthorizationId: string, db: Executor): Promise<CardTransactionRow | undefined> {
    const [row] = await db.select().from(cardTransactions).where(eq(cardTransactions.providerAuthorizationId, providerAuthorizationId));
    return row;
  }

  async insertTransaction(values: NewCardTransaction, db: Executor): Promise<CardTransactionRow> {
    const [row] = await db.insert(cardTransactions).values(values).returning();
    if (!row) throw new Error('card transaction insert returned nothing');
    return row;
  }

  async transactionsOfCards(orgId: string, cardIds: readonly string[]): Promise<CardTransactionRow[][]> {
    const valid = cardIds.filter((id) => UUID.test(id));
    const rows = valid.length
      ? await this.db
          .select()
          .from(cardTransactions)
          .where(and(eq(cardTransactions.orgId, orgId), inArray(cardTransactions.cardId, valid)))
          .orderBy(asc(cardTransactions.createdAt), asc(cardTransactions.id))
      : [];
    return cardIds.map((id) => rows.filter((r) => r.cardId === id));
  }

  async countActive(orgId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(virtualCards).where(and(eq(virtualCards.orgId, orgId), eq(virtualCards.status, 'active')));
    return row?.n ?? 0;
  }
}
