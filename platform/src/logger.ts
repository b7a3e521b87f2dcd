import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name: string): Logger {
  return pino({
    name,
    level: config.LOG_LEVEL,
    redact: { paths: ['password', '*.password', 'authorization', '*.authorization', 'accessToken', '*.accessToken', '["x-api-key"]', '*["x-api-key"]', 'secret', '*.secret'], censor: '[redacted]' },
  });
}
