import type { Writable } from 'node:stream';
import { DomainError, IDENTITY_HEADER, InvalidTokenError, requireRole, verifyInternalIdentity, type Logger, type Viewer } from '@travel/platform';
import type { Express, Request, Response } from 'express';
import type { ReportsRepository } from '../reports/reports.repository.js';
import type { ReportsService } from '../reports/reports.service.js';
import { csvLine } from './csv.js';


const BOOKING_COLUMNS = [
  'booking_id',
  'traveler_id',
  'status',
  'confirmed_at',
  'canceled_at',
  'currency',
  'amount_minor',
  'destination',
  'segments',
  'distance_km',
  'co2e_grams',
  'flights_without_distance',
];

/** Resolves once the stream can take more: a slow client holds the export back instead of filling memory. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * CSV exports at GET /reports/bookings.csv and /reports/spend.csv
 * (?from=&to=[&period=]), authenticated like GraphQL by the router's
 * identity header and limited to travel_admin and finance. The bookings
 * report pages through the table by keyset and writes each page as it
 * comes, so a long period streams in constant memory.
 */
export function exportRoutes(deps: { reports: ReportsService; repository: ReportsRepository; secret: string; logger: Logger; pageSize?: number }) {
  const { reports, repository, secret, logger } = deps;
  const PAGE = deps.pageSize ?? 1000;

  async function authorize(req: Request): Promise<Viewer> {
    return requireRole(await verifyInternalIdentity(req.header(IDENTITY_HEADER), secret), 'travel_admin', 'finance');
  }

  function fail(res: Response, error: unknown): void {
    if (error instanceof InvalidTokenError) {
      res.status(401).json({ errors: [{ code: 'UNAUTHENTICATED', message: error.message }] });
      return;
    }
    if (error instanceof DomainError) {
      const status = error.code === 'VALIDATION_FAILED' ? 400 : 403;
      res.status(status).json({ errors: [{ code: error.code, message: error.message, field: error.field }] });
      return;
    }
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
      res.status(code === 'UNAUTHENTICATED' ? 401 : 403).json({ errors: [{ code, message: (error as Error).message }] });
      return;
    }
    logger.error({ err: error }, 'export failed');
    if (res.headersSent) res.destroy(error as Error);
    else res.status(500).json({ errors: [{ code: 'INTERNAL', message: 'Internal server error' }] });
  }

  const rangeOf = (req: Request) => reports.range(new Date(String(req.query['from'])), new Date(String(req.query['to'])));

  return (app: Express) => {
    app.get('/reports/bookings.csv', async (req, res) => {
      try {
        const viewer = await authorize(req);
        const r = rangeOf(req);
        res.status(200).type('text/csv; charset=utf-8').attachment('bookings.csv');
        await write(res, csvLine(BOOKING_COLUMNS));
        let after: { confirmedAt: Date; bookingId: string } | null = null;
        for (;;) {
          const page = await repository.exportPage(viewer.orgId, r, after, PAGE);
          let chunk = '';
          for (const b of page) {
            chunk += csvLine([
              b.bookingId,
              b.travelerId,
              b.status,
              b.confirmedAt,
              b.canceledAt,
              b.currency,
              b.amountMinor,
              b.destination,
              b.segmentCount,
              b.distanceKm,
              b.co2eGrams,
              b.flightsWithoutDistance,
            ]);
          }
          if (chunk) await write(res, chunk);
          const last = page.at(-1);
          if (!last || page.length < PAGE || !last.confirmedAt) break;
          after = { confirmedAt: last.confirmedAt, bookingId: last.bookingId };
        }
        res.end();
      } catch (error) {
        fail(res, error);
      }
    });

    app.get('/reports/spend.csv', async (req, res) => {
      try {
        const viewer = await authorize(req);
        const r = rangeOf(req);
        const period = reports.period(String(req.query['period'] ?? 'month'));
        const rows = await reports.spendByPeriod(viewer.orgId, period, r);
        res.status(200).type('text/csv; charset=utf-8').attachment('spend.csv');
        await write(res, csvLine(['period_start', 'currency', 'bookings', 'total_minor']));
        for (const row of rows) await write(res, csvLine([row.periodStart, row.total.currency, row.count, row.total.amount]));
        res.end();
      } catch (error) {
        fail(res, error);
      }
    });
  };
}
