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
