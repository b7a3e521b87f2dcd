import { z } from 'zod';

/** The six subgraphs, in the order they are composed and started. */
export const SUBGRAPH_NAMES = ['inventory', 'booking', 'customer', 'policy', 'payment', 'analytics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEV_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

/**
 * Everything a process reads from its environment, validated once at start.
 * Nothing else in the code base reads `process.env`.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** PostgreSQL connection string; unset means embedded PGlite under DATA_DIR. */
    DATABASE_URL: optionalUrl,
    /** Max connections per process to PostgreSQL. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Redis connection string; unset means in-process events and pub/sub. */
    REDIS_URL: optionalUrl,
    /** Prefix of every Redis key this deployment uses (streams, channels), so deployments can share a server. */
    REDIS_NAMESPACE: z.string().regex(/^[a-z0-9-]+$/).default('travel'),
    /** Folder for embedded data (PGlite files). */
    DATA_DIR: z.string().default('.data'),
    /** Secret that signs user access tokens (customer issues, router verifies). */
    JWT_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Secret the router signs verified identities with; subgraphs trust only this. */
    INTERNAL_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Lifetime of access tokens, seconds. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    /** How long the router trusts a verified API key before asking customer again; a revoked key stops within this. */
    API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(5000),
    /** Requests per minute one API key may make through the router (Redis-backed when REDIS_URL is set). */
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Lifetime of a refresh token, seconds; each refresh issues a new one with a fresh lifetime. */
    REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(2_592_000),
    /** Failed sign-ins for one email within the window that lock it. */
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** Window, seconds, in which failed sign-ins are counted. */
    SIGN_IN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** How long, seconds, a locked email refuses sign-in. */
    SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    HOST: z.string().default('0.0.0.0'),
    ROUTER_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    WEB_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    INVENTORY_PORT: z.coerce.number().int().min(0).max(65_535).default(4001),
    BOOKING_PORT: z.coerce.number().int().min(0).max(65_535).default(4002),
    CUSTOMER_PORT: z.coerce.number().int().min(0).max(65_535).default(4003),
    POLICY_PORT: z.coerce.number().int().min(0).max(65_535).default(4004),
    PAYMENT_PORT: z.coerce.number().int().min(0).max(65_535).default(4005),
    ANALYTICS_PORT: z.coerce.number().int().min(0).max(65_535).default(4006),
    /** Where the web client's server sends GraphQL (web container); the launchers pass it directly. */
    ROUTER_URL: optionalUrl,
    INVENTORY_URL: optionalUrl,
    BOOKING_URL: optionalUrl,
    CUSTOMER_URL: optionalUrl,
    POLICY_URL: optionalUrl,
    PAYMENT_URL: optionalUrl,
    ANALYTICS_URL: optionalUrl,
    /** Rows analytics reads per page while streaming a CSV export (bookings), so a long period streams in constant memory. */
    ANALYTICS_EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
    /** Stripe secret key; unset means the built-in payment sandbox. */
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** Load demo data on first start when the database is empty. */
    SEED_DEMO_DATA: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'INTERNAL_SECRET'] as const) {
        if (c[key] === DEV_SECRET) ctx.addIssue({ code: 'custom', path: [key], message: `${key} must be set in production` });
      }
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws a readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const result = configSchema.safeParse({ ...env, ...overrides });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function subgraphPort(config: Config, name: SubgraphName): number {
  const key = `${name.toUpperCase()}_PORT` as `${Uppercase<SubgraphName>}_PORT`;
  return config[key];
}

/** Where a subgraph is reachable: its *_URL, else localhost on its port. */
export function subgraphUrl(config: Config, name: SubgraphName): string {
  const key = `${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`;
  return config[key] ?? `http://127.0.0.1:${subgraphPort(config, name)}/graphql`;
}
