import type { Logger } from '@travel/platform';
import express, { type Express } from 'express';
import Stripe from 'stripe';
import type { StripeWebhooksService } from './webhooks.service.js';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/**
 * POST /webhooks/stripe. The body stays raw bytes (express.raw): the
 * signature covers the exact payload, and a JSON parser's re-serialization
 * would break it. A non-2xx answer makes Stripe retry, so only a bad
 * signature (400) and our own faults (500) are non-2xx.
 */
export function mountStripeWebhooks(app: Express, webhooks: StripeWebhooksService, logger: Logger): void {
  app.post(STRIPE_WEBHOOK_PATH, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    if (!webhooks.configured) {
      res.status(503).json({ error: 'Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET.' });
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let event: Stripe.Event;
    try {
      event = webhooks.verify(body, req.header('stripe-signature'));
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        logger.warn({ reason: error.message }, 'stripe webhook rejected: bad signature');
        res.status(400).json({ error: 'Invalid Stripe signature.' });
        return;
      }
      logger.warn({ err: error }, 'stripe webhook rejected: unreadable payload');
      res.status(400).json({ error: 'Unreadable webhook payload.' });
      return;
    }
    try {
      const reply = await webhooks.handle(event);
      if (reply.decision) {
        // Issuing real-time authorization: Stripe reads the decision from the body and requires its API version in Stripe-Version.
        res.status(200).set('Stripe-Version', event.api_version ?? '').json(reply.decision);
        return;
      }
      res.status(200).json({ received: true, outcome: reply.outcome });
    } catch (error) {
      logger.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook handler failed; Stripe will retry');
      res.status(500).json({ error: 'Webhook handling failed.' });
    }
  });
}
