import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { stripeClient } from '../src/gateway/create-gateway.js';

/** A request as the Stripe SDK sent it. */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  /** The form body, keys as Stripe encodes them (`metadata[orgId]`, `spending_controls[spending_limits][0][amount]`). */
  form: Record<string, string>;
}

export type Reply = { status: number; body: unknown };
type Route = (request: RecordedRequest) => Reply;

/**
 * A local HTTP endpoint standing in for api.stripe.com: it records what the
 * SDK sends and answers what each test scripts, so the gateway is tested
 * through the real SDK, its encoding and its error classes.
 */
export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { method: string; pattern: RegExp; route: Route }[] = [];
  private server: Server | undefined;
  port = 0;

  on(method: string, pattern: RegExp, route: Route): this {
    this.routes.unshift({ method, pattern, route });
    return this;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const recorded: RecordedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          authorization: req.headers.authorization,
          form: Object.fromEntries(new URLSearchParams(raw)),
        };
        this.requests.push(recorded);
        const match = this.routes.find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
        const reply = match ? match.route(recorded) : { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No route ${recorded.path}` } } };
        res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': `req_${this.requests.length}` });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** An SDK client pointed at this endpoint; no SDK retries, so each test sees exactly the calls it caused. */
  client(overrides: Stripe.StripeConfig = {}): Stripe {
    return stripeClient('sk_test_fake', { host: '127.0.0.1', port: this.port, protocol: 'http', maxNetworkRetries: 0, ...overrides });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export function paymentIntent(fields: Partial<Stripe.PaymentIntent> & { id: string }): Reply {
  return { status: 200, body: { object: 'payment_intent', amount: 0, amount_received: 0, currency: 'usd', last_payment_error: null, metadata: {}, ...fields } };
}

export function stripeError(status: number, error: Record<string, unknown>): Reply {
  return { status, body: { error } };
}
