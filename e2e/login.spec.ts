import { expect, test } from '@playwright/test';

test('a guardian logs in with e-legitimation on the demo start page, sees their name, and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'E-tjänster' })).toBeVisible();
  await expect(page.getByText('Du är inte inloggad.')).toBeVisible();

  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();

  // The dev identity provider's page: pick a test person, as in a BankID test environment.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /Vårdnadshavare med tre barn/ }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/(\?.*)?$/);
  const me = await page.evaluate(async () => (await fetch('/api/v1/exempelstad/auth/me', { credentials: 'include' })).json() as Promise<{ name: string }>);
  await expect(page.getByText(`Inloggad som ${me.name}.`)).toBeVisible();
  expect(me.name.length).toBeGreaterThan(3);

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du är inte inloggad.')).toBeVisible();
  const after = await page.evaluate(async () => (await fetch('/api/v1/exempelstad/auth/me', { credentials: 'include' })).status);
  expect(after).toBe(401);
});
