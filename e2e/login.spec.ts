import { expect, test } from '@playwright/test';
import { testPersons } from '../packages/gateway/src/dev-idp/persons.js';

const guardian = testPersons.find((person) => person.children && !person.otherGuardianOf)!;

test('a guardian logs in with e-legitimation on the demo start page, sees their name, and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'E-tjänster' })).toBeVisible();
  await expect(page.getByText('Du är inte inloggad.')).toBeVisible();

  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();

  // The dev identity provider's page: pick a test person, as in a BankID test environment.
  await expect(page.getByRole('heading', { level: 1, name: 'Testinloggning' })).toBeVisible();
  await page.getByRole('radio', { name: guardian.description }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();

  // Back on the page the login started from, with the name the gateway's auth/me gives.
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  await expect(page.getByText(`Inloggad som ${guardian.givenName} ${guardian.familyName}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är inte inloggad.')).toBeVisible();
  // Nobody is logged in now: the gateway says so without an error status (204).
  const status = await page.evaluate(async () => (await fetch('/api/v1/exempelstad/auth/me', { credentials: 'include' })).status);
  expect(status).toBe(204);
});

test('a citizen who cancels at the identity provider comes back logged out', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page).toHaveURL(/kk-login=cancelled/);
  await expect(page.getByText('Inloggningen avbröts. Du är inte inloggad.')).toBeVisible();
});
