import type { Clock, DomainEvent, Logger, UnitOfWork, WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { CardTransactionRow, VirtualCardRow } from '../db/schema.js';
import { CARD_CATEGORIES, GatewayError, type CardCategory, type PaymentGateway } from '../gateway/payment-gateway.js';
import { ISSUING_CATEGORIES } from '../gateway/stripe-gateway.js';
import type { ReconciliationService } from '../reconciliation/reconciliation.service.js';
import type { CardsRepository } from './cards.repository.js';

/** Every booking card may pay airlines, hotels and car rental, and nothing else. */
export const BOOKING_CARD_CATEGORIES: readonly CardCategory[] = CARD_CATEGORIES;

/** The platform category of an issuer merchant category, or null when no category covers it. */
export function categoryOf(merchantCategory: string): CardCategory | null {
  for (const category of CARD_CATEGORIES) if (ISSUING_CATEGORIES[category].includes(merchantCategory as never)) return category;
  return null;
}

const confirmed = z.object({
  orgId: z.guid(),
  bookingId: z.guid(),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
});

/** A card authorization request as the issuer presents it (Stripe's issuing_authorization.request, or the sandbox). */
export interface CardAuthorizationRequest {
  providerAuthorizationId: string;
  providerCardId: string;
  amount: number;
  currency: string;
  merchantCategory: string;
  merchantName: string | null;
}

export type CardDecision = { approved: true; transaction: CardTransactionRow } | { approved: false; reason: string; transaction: CardTransactionRow | null };

export const DECLINE_REASONS = {
  unknownCard: 'card_unknown',
  inactive: 'card_inactive',
  currency: 'currency_mismatch',
  category: 'merchant_category_not_allowed',
  limit: 'spending_limit_exceeded',
} as const;

/**
 * Virtual cards per booking: issued once the booking is confirmed, limited
 * to the booking's amount and to travel merchants. Authorizations are
 * decided here against the card's own ledger, under a row lock, so two
 * simultaneous charges cannot both fit into the same remaining limit.
 */
export class CardsService {
  constructor(
    private readonly cards: CardsRepository,
    private readonly gateway: PaymentGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly reconciliation?: ReconciliationService,
  ) {}

  async issueForBooking(event: DomainEvent<'booking.confirmed'>, { tx }: WorkScope): Promise<VirtualCardRow | undefined> {
    const parsed = confirmed.safeParse({ ...event.payload, orgId: event.orgId });
    if (!parsed.success) {
      this.logger.error({ eventId: event.id }, 'malformed booking.confirmed: no virtual card issued');
      return undefined;
    }
    const { orgId, bookingId, amount, currency } = parsed.data;
    if (await this.cards.findByBooking(bookingId, tx)) return undefined;
    try {
      const card = await this.gateway.issueCard({
        limit: amount,
        currency: currency.toUpperCase(),
        allowedCategories: BOOKING_CARD_CATEGORIES,
        idempotencyKey: `card:${bookingId}`,
        metadata: { orgId, bookingId },
      });
      const row = await this.cards.insertOnce(
        {
          orgId,
          bookingId,
          provider: this.gateway.provider,
          providerCardId: card.providerCardId,
          last4: card.last4,
          expMonth: card.expMonth,
          expYear: card.expYear,
          limitMinor: amount,
          currency: currency.toUpperCase(),
          allowedCategories: [...BOOKING_CARD_CATEGORIES],
          status: 'active',
          createdAt: this.clock.now(),
        },
        tx,
      );
      this.logger.info({ bookingId, cardId: row?.id, last4: card.last4 }, 'virtual card issued');
      return row;
    } catch (error) {
      // A card is a convenience on top of a paid booking: an issuer that refuses (Issuing not enabled) must not block the booking's events.
      if (error instanceof GatewayError && !error.retryable) {
        this.logger.error({ bookingId, kind: error.kind, code: error.providerCode }, 'virtual card not issued');
        return undefined;
      }
      throw error;
    }
  }

  /** The internal path for card authorizations; each authorization id is decided once. */
  async authorizeCardTransaction(request: CardAuthorizationRequest): Promise<CardDecision> {
    return this.uow.run((scope) => this.decide(request, scope));
  }

  /** Used by the webhook inside its own transaction. */
  async decide(request: CardAuthorizationRequest, { tx }: WorkScope): Promise<CardDecision> {
    const card = await this.cards.lockByProviderCardId(request.providerCardId, tx);
    if (!card) return { approved: false, reason: DECLINE_REASONS.unknownCard, transaction: null };
    const previous = await this.cards.findTransaction(request.providerAuthorizationId, tx);
    if (previous) return previous.approved ? { approved: true, transaction: previous } : { approved: false, reason: previous.declineReason ?? 'declined', transaction: previous };

    const category = categoryOf(request.merchantCategory);
    const reason =
      card.status !== 'active'
        ? DECLINE_REASONS.inactive
        : request.currency.toUpperCase() !== card.currency
          ? DECLINE_REASONS.currency
          : !category || !card.allowedCategories.includes(category)
            ? DECLINE_REASONS.category
            : !Number.isSafeInteger(request.amount) || request.amount <= 0 || card.spentMinor + request.amount > card.limitMinor
              ? DECLINE_REASONS.limit
              : null;

    const transaction = await this.cards.insertTransaction(
      {
        orgId: card.orgId,
        cardId: card.id,
        bookingId: card.bookingId,
        providerAuthorizationId: request.providerAuthorizationId,
        amountMinor: request.amount,
        currency: request.currency.toUpperCase(),
        merchantName: request.merchantName,
        merchantCategory: request.merchantCategory,
        approved: reason === null,
        declineReason: reason,
        createdAt: this.clock.now(),
      },
      tx,
    );
    await this.reconciliation?.checkCardTransaction(transaction, category !== null && card.allowedCategories.includes(category), tx);
    if (reason !== null) {
      this.logger.info({ cardId: card.id, reason, amount: request.amount, category: request.merchantCategory }, 'card authorization declined');
      return { approved: false, reason, transaction };
    }
    await this.cards.addSpend(card.id, card.spentMinor + request.amount, tx);
    return { approved: true, transaction };
  }
}
