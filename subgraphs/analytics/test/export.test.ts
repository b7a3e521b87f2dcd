import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ManualClock, streamOf, type DomainEvent, type ProcessRuntime, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, routerHeaders, testConfig } from '@travel/platform/testkit';
import { and, eq, inArray } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../src/db/schema.js';
import { exportRoutes } from '../src/export/export.routes.js';
import { TABLE_REPORTS } from '../src/export/report-tables.js';
import { createAnalyticsServer, type AnalyticsServer } from '../src/server.js';
import { knownStream, scrambled } from './fixtures.js';

const RANGE = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';

/** A CSV body as rows of fields (the fixtures hold no quoted fields, which csv.ts's own test covers). */
const parse = (body: string) =>
  body
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));

describe('CSV export', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: AnalyticsServer;
  let url: string;
  let smallPages: Server;
  let smallPagesUrl: string;
  let org: string;
  let stream: ReturnType<typeof knownStream>;

  beforeAll(async () => {
    runtime = await createTestRuntime(config, new ManualClock(new Date('2026-03-11T10:00:00.000Z')));
    server = createAnalyticsServer(runtime);
    runtime.openBus();
    // start() answers the GraphQL endpoint; the export routes hang off the server root.
    url = new URL(await server.start(0)).origin;
    // The same routes with two rows per page, so a small stream crosses page boundaries as a long period would.
    const app = express();
    exportRoutes({ services: server.services, repository: server.services.repositories.reports, secret: config.INTERNAL_SECRET, logger: runtime.logger, pageSize: 2 })(app);
    smallPages = createServer(app);
    await new Promise<void>((resolve) => smallPages.listen(0, '127.0.0.1', resolve));
    smallPagesUrl = `http://127.0.0.1:${(smallPages.address() as { port: number }).port}`;

    org = randomUUID();
    stream = knownStream(org);
    const events = scrambled(stream);
    for (const event of events) await runtime.bus.publish(streamOf(event.source), [event] as DomainEvent[]);
    const ids = events.map((e) => e.id);
    await eventually(async () => {
      const rows = await runtime.db.select({ id: inbox.eventId }).from(inbox).where(and(eq(inbox.handler, 'analytics'), inArray(inbox.eventId, ids)));
      return rows.length === ids.length ? true : undefined;
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => smallPages.close(resolve));
    await server.stop();
    await runtime.close();
  });

  const finance = (): Viewer => ({ personId: randomUUID(), orgId: org, roles: ['finance'] });

  it.each([
    ['the subgraph', () => url],
    ['two-row pages', () => smallPagesUrl],
  ])('streams one line per booking with exact figures (%s)', async (_, base) => {
    const res = await fetch(`${base()}/reports/bookings.csv?${RANGE}`, { headers: await routerHeaders(config, finance()) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parse(await res.text());
    expect(header).toEqual(['booking_id', 'traveler_id', 'status', 'confirmed_at', 'canceled_at', 'currency', 'amount_minor', 'destination', 'segments', 'distance_km', 'co2e_grams', 'flights_without_distance']);
    const b = stream.booking;
    // Ordered by confirmation time: B1, B2, B3, B4 (canceled), B5.
    expect(rows.map((r) => [r[0], r[2], r[3], r[5], r[6], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      [b.b1, 'confirmed', '2026-01-05T10:00:00.000Z', 'USD', '100000', 'LHR', '2', '11078', '1296570', '0'],
      [b.b2, 'confirmed', '2026-01-11T23:59:59.000Z', 'USD', '50001', 'NRT', '1', '8228', '2604656', '0'],
      [b.b3, 'confirmed', '2026-02-01T00:00:00.000Z', 'EUR', '30000', 'CDG', '3', '894', '126864', '0'],
      [b.b4, 'canceled', '2026-02-15T12:00:00.000Z', 'USD', '20000', 'BOS', '1', '300', '32748', '0'],
      [b.b5, 'confirmed', '2026-03-02T09:00:00.000Z', 'USD', '12345', 'LHR', '2', '449', '84695', '1'],
    ]);
    expect(rows[3]![4]).toBe('2026-02-16T12:00:00.000Z');
    const confirmedUsd = rows.filter((r) => r[2] === 'confirmed' && r[5] === 'USD').reduce((sum, r) => sum + BigInt(r[6]!), 0n);
    expect(confirmedUsd).toBe(162_346n);
  });

  it('exports spend per period', async () => {
    const res = await fetch(`${url}/reports/spend.csv?${RANGE}&period=month`, { headers: await routerHeaders(config, finance()) });
    expect(res.status).toBe(200);
    expect(parse(await res.text())).toEqual([
      ['period_start', 'currency', 'bookings', 'total_minor'],
      ['2026-01-01T00:00:00.000Z', 'USD', '2', '150001'],
      ['2026-02-01T00:00:00.000Z', 'EUR', '1', '30000'],
      ['2026-03-01T00:00:00.000Z', 'USD', '1', '12345'],
    ]);
  });

  it('exports every report under its name, with its header, and names the reports for an unknown one', async () => {
    const headers = await routerHeaders(config, finance());
    for (const [name, report] of Object.entries(TABLE_REPORTS)) {
      const res = await fetch(`${url}/reports/${name}.csv?${RANGE}&period=month`, { headers });
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-disposition'), name).toContain(`${name}.csv`);
      expect(parse(await res.text())[0], name).toEqual(report.columns);
    }
    // Seller-side revenue of the known stream: authorized payments per month (no refund in it).
    const revenue = await fetch(`${url}/reports/revenue.csv?${RANGE}&period=month`, { headers });
    expect(parse(await revenue.text()).slice(1)).toEqual([
      ['2026-01-01T00:00:00.000Z', 'EUR', '1', '30000'],
      ['2026-01-01T00:00:00.000Z', 'USD', '2', '150001'],
      ['2026-02-01T00:00:00.000Z', 'USD', '1', '20000'],
      ['2026-03-01T00:00:00.000Z', 'USD', '1', '12345'],
    ]);
    const unknown = await fetch(`${url}/reports/nothing.csv?${RANGE}`, { headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ code: 'NOT_FOUND' }] });
  });

  it('answers only the caller organization, and only to travel_admin or finance', async () => {
    const outsider = await fetch(`${url}/reports/bookings.csv?${RANGE}`, { headers: await routerHeaders(config, { personId: randomUUID(), orgId: randomUUID(), roles: ['finance'] }) });
    expect(outsider.status).toBe(200);
    expect(parse(await outsider.text())).toHaveLength(1);

    const traveler = await fetch(`${url}/reports/bookings.csv?${RANGE}`, { headers: await routerHeaders(config, { personId: randomUUID(), orgId: org, roles: ['traveler'] }) });
    expect(traveler.status).toBe(403);
    const anonymous = await fetch(`${url}/reports/bookings.csv?${RANGE}`, { headers: await routerHeaders(config, null) });
    expect(anonymous.status).toBe(401);
    const noHeader = await fetch(`${url}/reports/bookings.csv?${RANGE}`);
    expect(noHeader.status).toBe(401);
    const badRange = await fetch(`${url}/reports/bookings.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, { headers: await routerHeaders(config, finance()) });
    expect(badRange.status).toBe(400);
    expect(await badRange.json()).toMatchObject({ errors: [{ code: 'VALIDATION_FAILED', field: 'to' }] });
  });
});
