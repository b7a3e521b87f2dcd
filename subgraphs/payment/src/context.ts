import { entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { CardTransactionRow, PaymentRow, RefundRow, VirtualCardRow } from './db/schema.js';
import type { PaymentServices } from './server.js';

export interface PaymentLoaders {
  payment: DataLoader<string, PaymentRow | null>;
  /** Keyed by booking id: that booking's newest payment. */
  latestPaymentByBooking: DataLoader<string, PaymentRow | null>;
  refundsByPayment: DataLoader<string, RefundRow[]>;
  /** Keyed by booking id. */
  cardByBooking: DataLoader<string, VirtualCardRow | null>;
  transactionsByCard: DataLoader<string, CardTransactionRow[]>;
}

export interface PaymentContext extends BaseContext {
  services: PaymentServices;
  loaders: PaymentLoaders;
}

/** Loaders are per request and scoped to the caller's organization in the query, so other organizations' ids resolve to null. */
export function createContext(base: BaseContext, services: PaymentServices): PaymentContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const repo = services.repositories.payments;
  const cards = services.repositories.cards;
  return {
    ...base,
    services,
    loaders: {
      payment: entityLoader((ids) => repo.findByIds(orgOf(), ids)),
      latestPaymentByBooking: new DataLoader((bookingIds) => repo.findLatestByBookingIds(orgOf(), bookingIds)),
      refundsByPayment: new DataLoader((paymentIds) => repo.refundsByPaymentIds(orgOf(), paymentIds)),
      cardByBooking: new DataLoader((bookingIds) => cards.findByBookingIds(orgOf(), bookingIds)),
      transactionsByCard: new DataLoader((cardIds) => cards.transactionsOfCards(orgOf(), cardIds)),
    },
  };
}
