import type { Writable } from 'node:stream';
import { DomainError, IDENTITY_HEADER, InvalidTokenError, requireRole, verifyInternalIdentity, type Logger, type Viewer } from '@travel/platform';
import type { Express, Request, Response } from 'express';
import type { ReportsRepository } from '../reports/reports.repository.js';
import { csvLine } from './csv.js';
import { TABLE_REPORTS, type ReportServices } from './report-tables.js';


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
 * CSV exports, authenticated like GraphQL by the router's identity header
 * (the router proxies /reports/*.csv with the caller's credentials) and
 * limited to travel_admin and finance. GET /reports/bookings.csv?from=&to=
 * pages through the bookings by keyset and writes each page as it comes,
 * so a long period streams in constant memory; every other report of
 * TABLE_REPORTS is at /reports/<name>.csv?from=&to=[&period=].
 */
export function exportRoutes(deps: { services: ReportServices; repository: ReportsRepository; secret: string; logger: Logger; pageSize: number }) {
  const { services, repository, secret, logger } = deps;
  const { reports } = services;
  const PAGE = deps.pageSize;

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

    app.get('/reports/:report.csv', async (req, res) => {
      try {
        const viewer = await authorize(req);
        const name = String(req.params['report']);
        const report = Object.hasOwn(TABLE_REPORTS, name) ? TABLE_REPORTS[name] : undefined;
        if (!report) {
          res.status(404).json({ errors: [{ code: 'NOT_FOUND', message: `No report ${name}; reports: bookings, ${Object.keys(TABLE_REPORTS).join(', ')}` }] });
          return;
        }
        const rows = await report.rows(services, { orgId: viewer.orgId, range: rangeOf(req), period: reports.period(String(req.query['period'] ?? 'month')) });
        res.status(200).type('text/csv; charset=utf-8').attachment(`${name}.csv`);
        await write(res, csvLine(report.columns));
        for (const row of rows) await write(res, csvLine(row));
        res.end();
      } catch (error) {
        fail(res, error);
      }
    });
  };
}
