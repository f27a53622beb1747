import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getClient } from '@kommunkit/sdk';
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import type { KkLokalbokning } from '../src/index.js';
import { booking, mineApi as api, mineGateway } from './support-mine.js';

/*
 * A login started in "Mina bokningar" or the season request comes back to that view, also when
 * the citizen got there inside the widget and the page's own `view` says `sok`: the login
 * leaves the page, and the page that loads on the way back knows nothing of the switch.
 */

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (el: HTMLElement, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const rows = (el: HTMLElement) => [...root(el).querySelectorAll('.kk-list__row')];
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 5000 });

async function press(el: KkLokalbokning, name: string): Promise<void> {
  const found = buttonNamed(el, name);
  if (!found) throw new Error(`no button "${name}" (buttons: ${[...root(el).querySelectorAll('button')].map(text).join(' | ')})`);
  found.click();
  await el.updateComplete;
}

/** The widget as the kommun's page has it: no `view`, so it starts on finding a lokal. */
const render = (kommun: string) => fixture<KkLokalbokning>(html`<kk-lokalbokning api=${api} kommun=${kommun}></kk-lokalbokning>`);

/** The same page loaded again (back from the login, or a reload). */
async function reload(el: KkLokalbokning, kommun: string): Promise<KkLokalbokning> {
  el.remove();
  return render(kommun);
}

/** The page's one client for this kommun, made first so that the login's page change can be watched. */
function watchedClient(kommun: string) {
  const visited: string[] = [];
  const client = getClient({ api, kommun, navigate: (url) => visited.push(url) });
  return { client, visited };
}

describe('<kk-lokalbokning> back from a login', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('comes back to Mina bokningar when the citizen went there from the find page and logged in from its gate', async () => {
    const kommun = 'tillbaka-mina';
    const { client, visited } = watchedClient(kommun);
    const gateway = mineGateway({ bookings: [booking()] });
    worker.use(...gateway.handlers);
    const el = await render(kommun);
    await until(() => buttonNamed(el, 'Mina bokningar'), 'the find page did not offer Mina bokningar to the logged-in citizen');
    await press(el, 'Mina bokningar');
    await until(() => rows(el).length === 1, 'Mina bokningar did not open');
    expect(el.getAttribute('view')).to.equal('mina');

    // Logged out here; the gate's login leaves the page.
    await press(el, 'Logga ut');
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate after the logout');
    await press(el, 'Logga in med e-legitimation');
    expect(visited).to.have.length(1);
    expect(new URL(visited[0]!).pathname).to.equal(`/api/v1/${kommun}/auth/login`);

    // Back from the e-legitimation, logged in, on the page whose widget says nothing of a view.
    gateway.logIn();
    await client.auth.refresh();
    const back = await reload(el, kommun);
    await until(() => back.getAttribute('view') === 'mina', 'the widget did not come back to Mina bokningar');
    await until(() => rows(back).length === 1, 'the bookings did not show');
    expect(text(root(back))).not.to.contain('Typ av lokal');
    await expect(back).to.be.accessible();

    // Only once: a later reload starts where the page says.
    const later = await reload(back, kommun);
    await until(() => root(later).querySelector('.kk-lok-count'), 'the find page did not show');
    expect(later.getAttribute('view')).to.equal('sok');
  });

  it('comes back to the season request the page switched to, after the login its gate started', async () => {
    const kommun = 'tillbaka-sasong';
    const { client, visited } = watchedClient(kommun);
    const gateway = mineGateway({ signedIn: false });
    worker.use(...gateway.handlers);
    const el = await render(kommun);
    await until(() => root(el).querySelector('.kk-lok-count'), 'the find page did not show');
    // The kommun's page switches the widget with its own links (the property, not the attribute it was loaded with).
    el.view = 'sasong';
    await until(() => buttonNamed(el, 'Logga in med e-legitimation'), 'no login gate on the season request');
    await press(el, 'Logga in med e-legitimation');
    expect(visited).to.have.length(1);

    gateway.logIn();
    await client.auth.refresh();
    const back = await reload(el, kommun);
    await until(() => back.getAttribute('view') === 'sasong', 'the widget did not come back to the season request');
    await until(() => root(back).querySelector('select, input'), 'the season request form did not show');
    expect(buttonNamed(back, 'Logga in med e-legitimation')).to.equal(undefined);
    await expect(back).to.be.accessible();
  });
});
