import { enumResolver, requireViewer, type Resolvers } from '@travel/platform';
import type { PaymentContext } from '../context.js';
import { CARD_STATUSES, type CardTransactionRow, type VirtualCardRow } from '../db/schema.js';
import { CARD_CATEGORIES } from '../gateway/payment-gateway.js';

const money = (amount: number, currency: string) => ({ amount, currency });

export const cardsResolvers: Resolvers<PaymentContext> = {
  VirtualCardStatus: enumResolver(CARD_STATUSES),
  CardMerchantCategory: enumResolver(CARD_CATEGORIES),
  VirtualCard: {
    limit: (card: VirtualCardRow) => money(card.limitMinor, card.currency),
    spent: (card: VirtualCardRow) => money(card.spentMinor, card.currency),
    available: (card: VirtualCardRow) => money(card.limitMinor - card.spentMinor, card.currency),
    transactions: (card: VirtualCardRow, _: unknown, ctx: PaymentContext) => ctx.loaders.transactionsByCard.load(card.id),
    booking: (card: VirtualCardRow) => ({ __typename: 'Booking', id: card.bookingId }),
  },
  CardTransaction: {
    amount: (tx: CardTransactionRow) => money(tx.amountMinor, tx.currency),
  },
  Booking: {
    virtualCard: (booking: { id: string }, _: unknown, ctx: PaymentContext) => {
      requireViewer(ctx.viewer);
      return ctx.loaders.cardByBooking.load(booking.id);
    },
  },
};
