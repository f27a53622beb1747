import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { testPersonIds, testPersons } from '../packages/gateway/src/dev-idp/persons.js';
import { axeViolations, logIn, watchViolations } from './support.js';

/*
 * Mina fakturor with the seeded Peppol BIS 3 invoices of Johan Berg: he logs in, filters to his
 * unpaid invoices, opens October's childcare fee (overdue), copies its OCR number, sees the
 * payment QR code, downloads the PDF (a real one), disputes the invoice and finds the dispute in
 * its history.
 */

const recipient = testPersons.find((person) => person.id === testPersonIds.invoiceRecipient)!;
// From packages/gateway/config/exempelstad-fakturor/2026-10-barnomsorgsavgift.xml.
const october = { number: 'EXS-F-2026-100114', ocr: '202610011423', title: 'Barnomsorgsavgift oktober 2026' };

test('the invoice recipient filters to unpaid, opens one, copies the OCR, sees the QR code, downloads the PDF and disputes it', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await watchViolations(page);
  await logIn(page, recipient);
  await page.goto('/mina-fakturor.html');
  const widget = page.locator('kk-mina-fakturor');
  await expect(widget.getByRole('heading', { name: 'Mina fakturor' })).toBeVisible();

  // All, then back to unpaid: each filter is a new read.
  const all = page.waitForResponse((response) => response.url().includes('/fakturor/invoices?') && response.url().includes('filter=all'));
  await widget.getByRole('radio', { name: 'Alla' }).check();
  expect((await all).status()).toBe(200);
  const unpaid = page.waitForResponse((response) => response.url().includes('/fakturor/invoices?') && response.url().includes('filter=unpaid'));
  await widget.getByRole('radio', { name: 'Obetalda' }).check();
  const list = (await (await unpaid).json()) as { items: { number: string; status: string }[] };
  expect(list.items.map((item) => item.number)).toContain(october.number);
  expect(list.items.every((item) => item.status !== 'paid')).toBe(true);
  await expect(widget.getByText('Förfallen').first()).toBeVisible();
  expect(await axeViolations(page, 'kk-mina-fakturor')).toEqual([]);

  const row = widget.getByRole('button', { name: new RegExp(`^${october.title}`) });
  await expect(row).toContainText('Förfallen');
  await row.click();
  await expect(widget.getByText(october.number).first()).toBeVisible();

  // The OCR number into the clipboard, announced.
  await widget.getByRole('button', { name: 'Kopiera OCR-numret' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'OCR-numret är kopierat' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(october.ocr);

  // The payment QR code, drawn as SVG from its own chunk.
  const qr = widget.getByRole('img', { name: 'QR-kod för betalning i bankappen' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((element) => (element instanceof SVGElement ? element : element.querySelector('svg'))?.querySelector('path')?.getAttribute('d')?.length ?? 0)).toBeGreaterThan(100);

  // The PDF: a real one, with at least one page.
  const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('link', { name: 'Ladda ner fakturan som PDF' }).click()]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);

  // A dispute, then in the history.
  await widget.getByRole('button', { name: 'Bestrid faktura' }).click();
  await widget.getByRole('textbox', { name: /Varför bestrider du fakturan/ }).fill('Elias hade ingen plats i oktober, vi sade upp den i augusti.');
  const sent = page.waitForResponse((response) => response.url().endsWith('/messages') && response.request().method() === 'POST');
  await widget.getByRole('button', { name: 'Skicka' }).click();
  expect((await sent).status()).toBe(201);
  await expect(widget.getByText('Ditt bestridande är skickat').first()).toBeVisible();
  await expect(widget.getByText('Du bestred fakturan').first()).toBeVisible();
  await expect(widget.getByText('Elias hade ingen plats i oktober, vi sade upp den i augusti.').first()).toBeVisible();
  expect(await axeViolations(page, 'kk-mina-fakturor')).toEqual([]);
  expect(violations).toEqual([]);
});
