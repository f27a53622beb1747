import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { testPersonIds, testPersons } from '../packages/gateway/src/dev-idp/persons.js';
import { axeViolations, logIn, watchViolations } from './support.js';

/*
 * Barnomsorg from the guardian's side and the kommun's: Anna starts an application for Elias,
 * closes the browser half-way, comes back in a fresh browser and finds her draft on the server,
 * sends it; a case worker receives it and offers a place through the API; Anna accepts; Erik,
 * the children's other guardian, sees the placement; Johan, who is no guardian of Elias, gets
 * 404 on the application's id.
 */

const guardian = testPersons.find((person) => person.id === testPersonIds.guardian)!;
const otherGuardian = testPersons.find((person) => person.id === testPersonIds.otherGuardian)!;
const stranger = testPersons.find((person) => person.id === testPersonIds.invoiceRecipient)!;
const elias = guardian.children!.find((child) => child.givenName === 'Elias')!;
const caseWorker = { authorization: 'Bearer dev-caseworker-key-exempelstad-barnomsorg' };

/** A browser of its own (no cookies, no storage of the others), logged in as `person`. */
async function loggedInAs(browser: Browser, person: (typeof testPersons)[number]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, person);
  return page;
}

const continueOn = (widget: Locator): Promise<void> => widget.getByRole('button', { name: 'Fortsätt' }).click();

test('a guardian resumes a draft in a fresh browser, sends it, accepts the offer; the other guardian sees it; anyone else gets 404', async ({ browser }) => {
  // Five logins and a whole application: longer than one page's test.
  test.setTimeout(120_000);
  // Anna, first browser: the first pages, then the browser is closed.
  const first = await loggedInAs(browser, guardian);
  const violations = await watchViolations(first);
  await first.goto('/barnomsorg.html');
  let widget = first.locator('kk-barnomsorg');
  await expect(widget.getByRole('heading', { name: 'Mina ansökningar och placeringar' })).toBeVisible();
  await widget.getByRole('button', { name: 'Ansök om plats' }).click();
  await expect(widget.getByRole('heading', { name: 'Vilket barn gäller ansökan?' })).toBeFocused();
  await widget.getByRole('radio', { name: new RegExp(elias.givenName) }).check();
  await continueOn(widget);
  await widget.getByRole('radio', { name: /^Förskola/ }).check();
  await continueOn(widget);

  await expect(widget.getByRole('heading', { name: 'När vill du att barnet ska börja?' })).toBeFocused();
  // The guarantee date is said before the guardian picks a date; starting on it gives no warning.
  const guarantee = /från och med (\d+ \S+ \d{4})/.exec((await widget.getByText(/har barnet rätt till en plats från och med/).textContent())!)![1]!;
  const start = await widget.evaluate(() => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const [year, month, day] = today.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1 + 5, Math.min(day, 28))).toISOString().slice(0, 10);
  });
  await widget.getByLabel(/Önskat startdatum/).fill(start);
  await continueOn(widget);

  await expect(widget.getByRole('heading', { name: 'Var vill du att barnet ska få plats?' })).toBeFocused();
  const saved = first.waitForResponse((response) => response.url().endsWith('/api/v1/exempelstad/drafts/barnomsorg') && response.request().method() === 'PUT' && response.ok());
  await widget.getByRole('button', { name: /^Lägg till i dina val/ }).first().click();
  const chosen = (await widget.locator('.kk-bo-ranked__name').first().textContent())!.replace(/^\s*Val 1:\s*/, '').trim();
  await continueOn(widget);
  await saved;
  await expect(widget.getByRole('heading', { name: 'Har barnet syskon på någon av enheterna?' })).toBeVisible();
  expect(violations).toEqual([]);
  await first.context().close();

  // Anna, a fresh browser: the draft comes from the gateway, not from this browser's storage.
  const page = await loggedInAs(browser, guardian);
  await page.goto('/barnomsorg.html');
  widget = page.locator('kk-barnomsorg');
  await expect(widget.getByText(`Du har en ansökan som inte är skickad: Förskola för ${elias.givenName} ${elias.familyName}.`)).toBeVisible();
  await widget.getByRole('button', { name: 'Fortsätt med ansökan' }).click();
  await expect(widget.getByRole('heading', { name: 'Har barnet syskon på någon av enheterna?' })).toBeVisible();
  await widget.getByRole('radio', { name: 'Nej' }).check();
  await continueOn(widget);
  await widget.getByRole('textbox', { name: /Timmar per vecka/ }).fill('35');
  await widget.getByRole('textbox', { name: /Lämning/ }).fill('08:00');
  await widget.getByRole('textbox', { name: /Hämtning/ }).fill('16:00');
  await widget.getByRole('radio', { name: 'Arbete' }).check();
  await continueOn(widget);
  await widget.getByRole('textbox', { name: /Specialkost/ }).fill('Laktosfri');
  await continueOn(widget);
  // The fee estimate is the guardian's own: nothing there is sent.
  await continueOn(widget);

  await expect(widget.getByRole('heading', { name: 'Kontrollera din ansökan' })).toBeFocused();
  await expect(widget.getByText(chosen).first()).toBeVisible();
  await expect(widget.getByText('Laktosfri')).toBeVisible();
  expect(await axeViolations(page, 'kk-barnomsorg')).toEqual([]);
  const sent = page.waitForResponse((response) => response.url().endsWith('/api/v1/exempelstad/barnomsorg/applications') && response.request().method() === 'POST');
  await widget.getByRole('button', { name: 'Skicka ansökan' }).click();
  const created = await sent;
  expect(created.status()).toBe(201);
  const application = (await created.json()) as { id: string; reference: string; status: string; units: { id: string }[] };
  expect(application.status).toBe('inskickad');
  await expect(widget.getByRole('heading', { name: 'Ansökan är skickad' })).toBeFocused();
  await expect(widget.getByText(application.reference)).toBeVisible();
  await expect(widget.getByText(`från och med ${guarantee}`)).toBeVisible();
  // Sent: the draft is gone on the server.
  expect(await page.evaluate(async () => (await fetch('/api/v1/exempelstad/drafts/barnomsorg', { credentials: 'include' })).status)).toBe(404);

  // The kommun: received, then a place offered at the first choice, through the case workers' API.
  const caseWork = `/api/v1/exempelstad/barnomsorg/case-work/applications/${application.id}`;
  expect((await page.request.post(`${caseWork}/receive`, { headers: caseWorker })).status()).toBe(200);
  const offer = await page.request.post(`${caseWork}/offer`, { headers: caseWorker, data: { unitId: application.units[0]!.id, startDate: start } });
  expect(offer.status()).toBe(200);
  expect(((await offer.json()) as { status: string }).status).toBe('erbjudande');

  // Anna accepts in the overview.
  await widget.getByRole('button', { name: 'Gå till Mina ansökningar och placeringar' }).click();
  await page.reload();
  await widget.getByRole('button', { name: new RegExp(application.reference) }).click();
  await expect(widget.getByText(/^Du erbjuds en plats på /)).toBeVisible();
  const answered = page.waitForResponse((response) => response.url().endsWith(`/applications/${application.id}/answer`));
  await widget.getByRole('button', { name: 'Tacka ja till platsen' }).click();
  await widget.getByRole('button', { name: 'Ja, tacka ja' }).click();
  expect((await answered).status()).toBe(200);
  await expect(widget.getByText('Du har tackat ja till platsen').first()).toBeVisible();
  expect(await axeViolations(page, 'kk-barnomsorg')).toEqual([]);

  // Erik, the other guardian, sees the application and its placement.
  const other = await loggedInAs(browser, otherGuardian);
  await other.goto('/barnomsorg.html');
  const otherWidget = other.locator('kk-barnomsorg');
  const row = otherWidget.getByRole('button', { name: new RegExp(application.reference) });
  await expect(row).toBeVisible();
  await expect(otherWidget.getByText('Plats accepterad').first()).toBeVisible();
  expect(await other.evaluate(async (id) => (await fetch(`/api/v1/exempelstad/barnomsorg/applications/${id}`, { credentials: 'include' })).status, application.id)).toBe(200);

  // Johan is no guardian of Elias: the id is as unknown to him as one that does not exist.
  const outsider = await loggedInAs(browser, stranger);
  const answer = await outsider.evaluate(async (id) => {
    const response = await fetch(`/api/v1/exempelstad/barnomsorg/applications/${id}`, { credentials: 'include' });
    return { status: response.status, text: await response.text() };
  }, application.id);
  expect(answer.status).toBe(404);
  expect(answer.text).not.toContain(elias.givenName);
});
