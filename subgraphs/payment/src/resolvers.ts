import type { Resolvers } from '@travel/platform';
import { mergeResolvers } from '@travel/platform';
import type { PaymentContext } from './context.js';
import { paymentsResolvers } from './payments/payments.resolvers.js';

export const resolvers: Resolvers<PaymentContext> = mergeResolvers(paymentsResolvers);
