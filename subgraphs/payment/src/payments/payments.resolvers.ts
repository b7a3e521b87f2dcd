import { DomainError, enumResolver, pageArgs, requireRole, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import type { PaymentContext } from '../context.js';
import { PAYMENT_STATUSES, REFUND_STATUSES, type PaymentRow, type RefundRow } from '../db/schema.js';
import { SANDBOX_PROVIDER } from '../gateway/sandbox-gateway.js';
import { isPaymentCursor, type PaymentCursor } from './payments.repository.js';

export const paymentsResolvers: Resolvers<PaymentContext> = {
  PaymentStatus: enumResolver(PAYMENT_STATUSES),
  PaymentRefundStatus: enumResolver(REFUND_STATUSES),
  Query: {
    payment: (_: unknown, args: { id: string }, ctx: PaymentContext) => ctx.loaders.payment.load(args.id),
    payments: async (_: unknown, args: { first?: number; after?: string }, ctx: PaymentContext) => {
      const { orgId } = requireRole(ctx.viewer, 'finance', 'travel_admin');
      const { limit, after } = pageArgs<PaymentCursor>(args);
      if (after !== null && !isPaymentCursor(after)) throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
      const repo = ctx.services.repositories.payments;
      const [rows, total] = await Promise.all([repo.listByOrganization(orgId, limit, after), repo.countByOrganization(orgId)]);
      rows.forEach((p) => ctx.loaders.payment.prime(p.id, p));
      return toConnection(rows, limit, (p): PaymentCursor => [p.createdAt.toISOString(), p.id], total);
    },
  },
  Payment: {
    __resolveReference: (ref: { id: string }, ctx: PaymentContext) => ctx.loaders.payment.load(ref.id),
    amount: (payment: PaymentRow) => ({ amount: payment.amountMinor, currency: payment.currency }),
    sandbox: (payment: PaymentRow) => payment.provider === SANDBOX_PROVIDER,
    capturedAmount: (payment: PaymentRow) => ({ amount: payment.capturedMinor, currency: payment.currency }),
    refundedAmount: (payment: PaymentRow) => ({ amount: payment.refundedMinor, currency: payment.currency }),
    refunds: (payment: PaymentRow, _: unknown, ctx: PaymentContext) => ctx.loaders.refundsByPayment.load(payment.id),
    booking: (payment: PaymentRow) => ({ __typename: 'Booking', id: payment.bookingId }),
  },
  PaymentRefund: {
    amount: (refund: RefundRow) => ({ amount: refund.amountMinor, currency: refund.currency }),
  },
  Booking: {
    payment: (booking: { id: string }, _: unknown, ctx: PaymentContext) => {
      requireViewer(ctx.viewer);
      return ctx.loaders.latestPaymentByBooking.load(booking.id);
    },
  },
};
