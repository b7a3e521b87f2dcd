import type { Resolvers } from '@travel/platform';
import { mergeResolvers } from '@travel/platform';
import type { PaymentContext } from './context.js';
import { cardsResolvers } from './cards/cards.resolvers.js';
import { paymentsResolvers } from './payments/payments.resolvers.js';
import { reconciliationResolvers } from './reconciliation/reconciliation.resolvers.js';

export const resolvers: Resolvers<PaymentContext> = mergeResolvers(paymentsResolvers, cardsResolvers, reconciliationResolvers);
