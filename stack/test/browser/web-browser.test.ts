import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startWebServer, type WebServer } from '@travel/web';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useStack } from '../use-stack.js';
import { createBrowserFixture, type BrowserFixture } from './browser-fixture.js';
import { fillTraveler, openSeatMap, pickAirport, screenshot, signIn } from './screens.js';

/** Debian's Chromium, installed by .ci/run (`apt-get install chromium`). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };

describe.skipIf(!existsSync(CHROMIUM))(`the web client in Chromium (${CHROMIUM})`, () => {
  const stack = useStack();
  let web: WebServer;
  let browser: Browser;
  let fx: BrowserFixture;

  beforeAll(async () => {
    fx = await createBrowserFixture(stack().servers);
    web = await startWebServer({ port: 0, host: '127.0.0.1', routerUrl: stack().routerUrl, mode: 'development' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it(
    'a traveler searches, chooses a seat, holds and books it, and sees the trip; the admin board shows the seat go live',
    async () => {
      const admin = await (await browser.newContext()).newPage();
      await signIn(admin, web.url, fx.adminEmail, fx.password);
      await admin.getByRole('link', { name: 'Live board' }).click();
      const watch = admin.getByRole('form', { name: 'Watch a route' });
      await pickAirport(admin, watch, 'From', 'JFK');
      await pickAirport(admin, watch, 'To', 'LHR');
      await admin.getByLabel('Date').fill(fx.date);
      await admin.getByRole('button', { name: 'Watch route' }).click();
      const row = admin.getByRole('row', { name: fx.flightNumber });
      const economyLeft = row.locator('[data-cabin="ECONOMY"] strong');
      await economyLeft.waitFor();
      const before = Number(await economyLeft.textContent());
      expect(before).toBeGreaterThan(0);
      await screenshot(admin, '05-live-board');

      const traveler = await (await browser.newContext()).newPage();
      await signIn(traveler, web.url, fx.travelerEmail, fx.password);
      await screenshot(traveler, '01-search');
      await openSeatMap(traveler, fx.date, fx.flightNumber, '01-search-results');
      await screenshot(traveler, '02-seat-map');

      const seat = traveler.getByRole('button', { name: /^Seat 12A/ });
      await seat.click();
      await expect.poll(() => seat.getAttribute('aria-pressed')).toBe('true');
      await traveler.getByRole('button', { name: 'Hold this seat for 15 minutes' }).click();
      await traveler.getByRole('form', { name: 'Checkout' }).waitFor();
      await expect.poll(() => traveler.getByLabel(/Hold expires in/).count()).toBe(1);

      // The hold reached the admin's board through the router's subscription, without a reload.
      await expect.poll(async () => Number(await economyLeft.textContent()), { timeout: 10_000 }).toBe(before - 1);

      await fillTraveler(traveler);
      await traveler.getByLabel('Trip purpose').fill('Client workshop');
      await screenshot(traveler, '03-checkout');
      await traveler.getByRole('button', { name: /^Book and pay/ }).click();

      const trip = traveler.getByRole('region', { name: 'Trip' });
      await trip.waitFor().catch(async (error: unknown) => {
        await screenshot(traveler, 'failed-checkout');
        throw error;
      });
      await expect.poll(() => trip.locator('.badge').textContent(), { timeout: 20_000 }).toBe('Confirmed');
      await expect(trip.textContent()).resolves.toContain('seat 12A');
      await screenshot(traveler, '04-trip');

      await traveler.getByRole('link', { name: 'My trips' }).click();
      const trips = traveler.getByRole('list', { name: 'Trips' });
      await expect.poll(() => trips.getByText('Client workshop').count()).toBe(1);
      await traveler.getByRole('link', { name: 'Hotels' }).click();
      await traveler.getByLabel('City').fill('London');
      await traveler.getByRole('button', { name: 'Search hotels' }).click();
      await traveler.getByRole('status').filter({ hasText: /hotels|No hotel/ }).first().waitFor();
      await screenshot(traveler, '09-hotels');
      await traveler.getByRole('link', { name: 'Packages' }).click();
      await traveler.getByRole('region', { name: 'Packages' }).waitFor();
      await screenshot(traveler, '10-packages');
      await traveler.getByRole('link', { name: 'My trips' }).click();
      await traveler.setViewportSize(PHONE);
      await screenshot(traveler, '06-trips-phone');

      const finance = await (await browser.newContext()).newPage();
      await signIn(finance, web.url, fx.financeEmail, fx.password);
      await finance.getByRole('link', { name: 'Payments' }).click();
      await finance.getByRole('region', { name: 'Recent payments' }).getByText('Ava Traveler').first().waitFor();
      await screenshot(finance, '07-payments');
      await finance.getByRole('link', { name: 'Analytics' }).click();
      // The booking reaches analytics through events; the summary counts it once projected.
      const summary = finance.getByRole('region', { name: 'Summary' });
      await expect
        .poll(
          async () => {
            if ((await summary.count()) === 0) await finance.reload();
            return (await summary.count()) > 0 && (await summary.textContent())?.includes('1 booking');
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      await screenshot(finance, '08-analytics');
    },
    180_000,
  );

  it(
    'a trip outside policy waits for approval; the manager approves it in the inbox and the traveler sees it confirmed',
    async () => {
      const traveler = await (await browser.newContext()).newPage();
      await signIn(traveler, web.url, fx.travelerEmail, fx.password);
      await openSeatMap(traveler, fx.soonDate, fx.soonFlightNumber);
      await traveler.getByRole('button', { name: 'Hold any seat for 15 minutes' }).click();
      await traveler.getByRole('form', { name: 'Checkout' }).waitFor();
      await fillTraveler(traveler);
      await traveler.getByLabel('Trip purpose').fill('Urgent client visit');
      await traveler.getByRole('button', { name: /^Book and pay/ }).click();
      // The policy warns (booked less than 3 days ahead): the form asks why before sending it for approval.
      await traveler.getByLabel('Why this trip is needed (for your approvers)').fill('The client moved the meeting forward');
      await traveler.getByRole('button', { name: 'Send for approval' }).click();
      const trip = traveler.getByRole('region', { name: 'Trip' });
      await expect.poll(() => trip.locator('.badge').textContent(), { timeout: 20_000 }).toBe('Waiting for approval');

      const manager = await (await browser.newContext()).newPage();
      await signIn(manager, web.url, fx.adminEmail, fx.password);
      await manager.getByRole('link', { name: 'Approvals' }).click();
      const request = manager.getByRole('listitem', { name: 'Request from Ava Traveler' });
      await request.waitFor({ timeout: 20_000 });
      await expect(request.textContent()).resolves.toContain('The client moved the meeting forward');
      await screenshot(manager, '11-approvals');
      await request.getByLabel('Comment').fill('Fine, the client asked');
      await request.getByRole('button', { name: 'Approve' }).click();
      await expect.poll(() => manager.getByRole('listitem', { name: 'Request from Ava Traveler' }).count(), { timeout: 20_000 }).toBe(0);

      await expect.poll(() => trip.locator('.badge').textContent(), { timeout: 30_000 }).toBe('Confirmed');
      await expect(traveler.getByRole('region', { name: 'Approval' }).textContent()).resolves.toContain('approved');
      await screenshot(traveler, '12-trip-approved');
    },
    180_000,
  );

  it(
    "a canceled flight shows on the admin's board and as a banner on the trip, and the traveler rebooks onto a suggestion",
    async () => {
      const admin = await (await browser.newContext()).newPage();
      await signIn(admin, web.url, fx.adminEmail, fx.password);
      await admin.getByRole('link', { name: 'Live board' }).click();
      const disruptions = admin.getByRole('region', { name: 'Disruptions' });
      await disruptions.getByText('No open disruption.').waitFor();

      // Flight operations cancel the flight the first test booked (platform_admin, through inventory's service).
      const ops = { orgId: randomUUID(), personId: randomUUID(), roles: ['platform_admin' as const] };
      await stack().servers.inventory.services.flightStatus.record(ops, { flightId: fx.flightId, change: 'canceled', reason: 'Crew shortage' });
      await disruptions.getByText('Ava Traveler').waitFor({ timeout: 20_000 });
      await screenshot(admin, '13-live-board-disruption');

      const traveler = await (await browser.newContext()).newPage();
      await signIn(traveler, web.url, fx.travelerEmail, fx.password);
      await traveler.getByRole('link', { name: 'My trips' }).click();
      await traveler.getByRole('link', { name: new RegExp(fx.flightNumber) }).click();
      const banner = traveler.getByRole('alert', { name: 'Disruption' });
      await banner.waitFor({ timeout: 20_000 });
      await expect(banner.textContent()).resolves.toContain('was canceled');
      await screenshot(traveler, '14-trip-disruption');
      await banner.getByRole('button', { name: `Rebook onto ${fx.laterFlightNumber}` }).click();

      const trip = traveler.getByRole('region', { name: 'Trip' });
      await expect.poll(() => trip.textContent(), { timeout: 20_000 }).toContain(fx.laterFlightNumber);
      await expect.poll(() => trip.locator('.badge').textContent(), { timeout: 20_000 }).toBe('Confirmed');
      await expect(traveler.getByRole('alert', { name: 'Disruption' }).count()).resolves.toBe(0);
    },
    180_000,
  );
});
