import type { FinanceInvoice, Invoice, InvoicesPage } from '@kommunkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { writeHeaders, type Browser } from './support/http.js';
import { api, bollklubben, importDocument, personnummer, resetFakturor, ublDocument, withFakturor } from './support/fakturor.js';
import { loggedIn, persons } from './support/lokalbokning.js';

let gateway: TestGateway;
let johan: Browser;
let anna: Browser;
let karin: Browser;
const ids = { johan: '', anna: '', forening: '' };

async function importFor(number: string, customer: Parameters<typeof ublDocument>[0]['customer']): Promise<string> {
  const response = await importDocument(gateway.url, ublDocument({ number, customer }));
  expect(response.status).toBe(201);
  return ((await response.json()) as FinanceInvoice).id;
}

beforeAll(async () => {
  gateway = await startGateway({ configure: withFakturor });
  await resetFakturor(gateway.db);
  ids.johan = await importFor('EXS-2026-5001', { name: 'Johan Berg', identifiers: [{ id: personnummer.johan }] });
  // Anna's invoice names her by her personnummer with a dash, as a 10-digit number would also be written.
  ids.anna = await importFor('EXS-2026-5002', { name: 'Anna Andersson', identifiers: [{ id: `${personnummer.anna.slice(0, 8)}-${personnummer.anna.slice(8)}` }] });
  ids.forening = await importFor('EXS-2026-5003', { name: 'Exempelstads Bollklubb', identifiers: [{ id: bollklubben, scheme: '0007' }] });
  [johan, anna, karin] = await Promise.all([loggedIn(gateway.url, persons.johan), loggedIn(gateway.url, persons.anna), loggedIn(gateway.url, persons.karin)]);
}, 60_000);
afterAll(() => gateway.close());

const list = async (browser: Browser) => ((await (await browser.fetch(`${api}/invoices`)).json()) as InvoicesPage).items.map((item) => item.number);
const dispute = (browser: Browser, id: string) => browser.fetch(`${api}/invoices/${id}/messages`, { method: 'POST', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ kind: 'bestrid', text: 'Inte min faktura' }) });

describe('who sees which invoice', () => {
  it('lists each citizen only their own, and a förening\'s to its representative', async () => {
    expect(await list(johan)).toEqual(['EXS-2026-5001']);
    expect(await list(anna)).toEqual(['EXS-2026-5002']);
    expect(await list(karin)).toEqual(['EXS-2026-5003']);
  });

  it("answers 404 when citizen A reads, downloads or disputes citizen B's invoice, and changes nothing", async () => {
    for (const [browser, id] of [
      [johan, ids.anna],
      [anna, ids.johan],
      [johan, ids.forening],
    ] as const) {
      const read = await browser.fetch(`${api}/invoices/${id}`);
      expect(read.status).toBe(404);
      expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await browser.fetch(`${api}/invoices/${id}/pdf`)).status).toBe(404);
      expect((await dispute(browser, id)).status).toBe(404);
    }
    const annas = (await (await anna.fetch(`${api}/invoices/${ids.anna}`)).json()) as Invoice;
    expect({ disputed: annas.disputed, messages: annas.messages }).toEqual({ disputed: false, messages: [] });
    // Their own works, to show the 404s above are about whose it is.
    expect((await johan.fetch(`${api}/invoices/${ids.johan}`)).status).toBe(200);
    expect((await johan.fetch(`${api}/invoices/${ids.johan}/pdf`)).status).toBe(200);
  });

  it('answers an unknown id as a stranger\'s (404), and a malformed one 400', async () => {
    expect((await johan.fetch(`${api}/invoices/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await johan.fetch(`${api}/invoices/not-a-uuid`)).status).toBe(400);
  });

  it('answers 401 without a session, for every citizen route', async () => {
    for (const path of ['/invoices', `/invoices/${ids.johan}`, `/invoices/${ids.johan}/pdf`]) {
      const response = await fetch(`${gateway.url}${api}${path}`);
      expect(response.status, path).toBe(401);
    }
    const write = await fetch(`${gateway.url}${api}/invoices/${ids.johan}/messages`, { method: 'POST', headers: writeHeaders(pages.exempelstad), body: JSON.stringify({ kind: 'bestrid', text: 'x' }) });
    expect(write.status).toBe(401);
  });

  it('grants nothing of the finance API to a session, and refuses a citizen write without the SDK header', async () => {
    expect((await johan.fetch(`${api}/finance/invoices/${ids.johan}`)).status).toBe(401);
    expect((await johan.fetch(`${api}/finance/messages`)).status).toBe(401);
    const noHeader = await johan.fetch(`${api}/invoices/${ids.johan}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin: pages.exempelstad }, body: JSON.stringify({ kind: 'bestrid', text: 'x' }) });
    expect(noHeader.status).toBe(403);
  });
});
