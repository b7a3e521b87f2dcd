import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the run writes a screenshot of every screen it visits (git-ignored). */
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, webUrl: string, email: string, password: string): Promise<void> {
  await page.goto(webUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Types into an airport combobox and picks the suggestion for the code. */
export async function pickAirport(page: Page, scope: Page | ReturnType<Page['locator']>, label: string, code: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.fill(code);
  await page.getByRole('option', { name: new RegExp(code) }).first().click();
}

/** The traveler fields of the checkout form, filled for Ava. */
export async function fillTraveler(page: Page): Promise<void> {
  await page.getByLabel('Given names').fill('Ava');
  await page.getByLabel('Surname').fill('Traveler');
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('Email').fill('ava.traveler@example.com');
  await page.getByLabel('Phone (+country code)').fill('+12125550123');
  await page.getByLabel('Passport number').fill('X1234567');
  await page.getByLabel(/Passport country/).fill('US');
  await page.getByLabel('Passport expires on').fill('2034-01-31');
  await page.getByLabel('Emergency contact name').fill('Sam Traveler');
  await page.getByLabel('Emergency contact phone').fill('+12125550199');
}

/** From the flight search: searches JFK→LHR on a date and opens the seat map of one flight's economy cabin. */
export async function openSeatMap(page: Page, date: string, flightNumber: string, resultsScreenshot?: string): Promise<void> {
  await page.getByRole('link', { name: 'Flights' }).click();
  const search = page.getByRole('form', { name: 'Search flights' });
  await pickAirport(page, search, 'From', 'JFK');
  await pickAirport(page, search, 'To', 'LHR');
  await page.getByLabel('Date').fill(date);
  await page.getByRole('button', { name: 'Search flights' }).click();
  const choose = page.getByRole('link', { name: `Choose a Economy seat on ${flightNumber}` });
  await choose.waitFor();
  if (resultsScreenshot) {
    // Policy badges come with the results (FlightOffer.policyStatus from the policy subgraph).
    await page.locator('.flight .badge').first().waitFor();
    // So does the CO2e estimate (FlightOffer.co2eKg from the analytics subgraph).
    await page.locator('.flight').getByText(/\d+ kg CO₂e/).first().waitFor();
    await screenshot(page, resultsScreenshot);
  }
  await choose.click();
}
