import { DomainError, parseInput, type Clock, type Executor, type UnitOfWork } from '@travel/platform';
import { z } from 'zod';
import type { CardTransactionRow, FlagRow, PaymentRow } from '../db/schema.js';
import type { ReconciliationRepository } from './reconciliation.repository.js';

/** Stripe releases uncaptured card authorizations after 7 days; a capture later than that risks failing or being a new charge. */
export const LATE_CAPTURE_MS = 7 * 24 * 60 * 60 * 1000;

const resolveInput = z.object({ flagId: z.guid({ error: 'flagId must be an id' }), note: z.string().trim().min(1, { error: 'note is required' }).max(2_000) });

/**
 * Matches money movements to their booking as they happen and flags what
 * does not add up. Detection runs inside the transaction that moved the
 * money, so a flag exists exactly when the movement does.
 */
export class ReconciliationService {
  constructor(
    private readonly flags: ReconciliationRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** After a capture: the ticketed amount should equal the authorization, and the capture should come within the authorization window. */
  async checkCapture(payment: PaymentRow, ticketedAmount: number, capturedAt: Date, tx: Executor): Promise<void> {
    const base = { orgId: payment.orgId, bookingId: payment.bookingId, subjectType: 'payment' as const, subjectId: payment.id, currency: payment.currency, createdAt: this.clock.now() };
    if (ticketedAmount !== payment.amountMinor) {
      await this.flags.flag(
        { ...base, kind: 'amount_mismatch', amountMinor: ticketedAmount - payment.amountMinor, detail: `Ticketed ${ticketedAmount} but authorized ${payment.amountMinor} (${payment.currency}).` },
        tx,
      );
    }
    const age = capturedAt.getTime() - payment.createdAt.getTime();
    if (age > LATE_CAPTURE_MS) {
      await this.flags.flag(
        { ...base, kind: 'late_capture', amountMinor: payment.amountMinor, detail: `Captured ${Math.floor(age / 3_600_000)} hours after authorization; authorizations lapse after 7 days.` },
        tx,
      );
    }
  }

  /** After a card decision: merchants without a name and charges outside the travel categories go to finance. */
  async checkCardTransaction(transaction: CardTransactionRow, categoryAllowed: boolean, tx: Executor): Promise<void> {
    const base = {
      orgId: transaction.orgId,
      bookingId: transaction.bookingId,
      subjectType: 'card_transaction' as const,
      subjectId: transaction.id,
      amountMinor: transaction.amountMinor,
      currency: transaction.currency,
      createdAt: this.clock.now(),
    };
    if (!transaction.merchantName?.trim()) {
      await this.flags.flag({ ...base, kind: 'unknown_merchant', detail: `A ${transaction.merchantCategory} merchant without a name charged the card.` }, tx);
    }
    if (!categoryAllowed) {
      await this.flags.flag({ ...base, kind: 'unusual_category', detail: `Merchant category ${transaction.merchantCategory} is outside airlines, hotels and car rental.` }, tx);
    }
  }

  async resolve(orgId: string, personId: string, input: { flagId: string; note: string }): Promise<FlagRow> {
    const { flagId, note } = parseInput(resolveInput, input, 'input');
    return this.uow.run(async ({ tx }) => {
      const resolved = await this.flags.resolve(orgId, flagId, personId, note, this.clock.now(), tx);
      if (resolved) return resolved;
      const existing = await this.flags.findById(orgId, flagId, tx);
      if (!existing) throw new DomainError('NOT_FOUND', 'No such reconciliation flag', 'flagId');
      throw new DomainError('INVALID_TRANSITION', 'The flag is already resolved', 'flagId');
    });
  }
}
