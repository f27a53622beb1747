import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getClient } from '@kommunkit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { KkDraftTest, type DraftAnswers } from './controller-hosts.js';
import { anna, freshApi, gatewayHandlers, gatewayState, storedDraft, type GatewayState } from './controller-gateway.js';

type Answers = DraftAnswers;

let state: GatewayState = gatewayState();
const worker = setupWorker(...gatewayHandlers(() => state));
const key = 'kommunkit:felanmalan:exempelstad';
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const input = (el: Element): HTMLInputElement => root(el).querySelector('input')!;
const stored = (): Record<string, unknown> | null => JSON.parse(sessionStorage.getItem(key) ?? 'null') as Record<string, unknown> | null;
const serverDraft = () => state.drafts.get('felanmalan');
const puts = () => state.requests.filter((r) => r.startsWith('PUT '));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const data = (description: string, extra: Record<string, unknown> = {}) => ({ version: 2, values: { description, topics: [] }, path: ['plats', 'beskrivning'], hadFiles: false, ...extra });

const rendered: KkDraftTest[] = [];

async function render(api = freshApi()): Promise<KkDraftTest> {
  getClient({ api, kommun: 'exempelstad', retry: false });
  const el = await fixture<KkDraftTest>(html`<kk-draft-test api=${api} kommun="exempelstad"></kk-draft-test>`);
  rendered.push(el);
  await waitUntil(() => el.drafts.restored, 'the restore did not finish');
  await el.updateComplete;
  return el;
}

/** Types into the field as a citizen does. */
async function typeInto(el: KkDraftTest, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('DraftController', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    state = gatewayState();
    sessionStorage.clear();
    KkDraftTest.debounce = 100;
  });
  // A widget leaving the page sends its pending save: let it land in this test's gateway, not the next.
  afterEach(async () => {
    for (const el of rendered.splice(0)) {
      el.remove();
      await el.drafts.flush();
    }
  });

  describe('anonymous', () => {
    it('keeps what was typed in sessionStorage only, and a reload restores it', async () => {
      const el = await render();
      expect(el.restores).to.have.length(0);
      await typeInto(el, 'Lampan lyser inte');
      expect(stored()).to.include({ version: 2, hadFiles: false });
      expect(stored()?.values).to.deep.equal({ description: 'Lampan lyser inte', topics: [] });
      await wait(200);
      expect(el.drafts.saveState).to.equal('idle');
      expect(state.requests.filter((r) => r.includes('/drafts/'))).to.deep.equal([]);

      el.remove();
      const again = await render();
      expect(again.restores).to.have.length(1);
      expect(again.restores[0]).to.deep.include({ from: 'session', filesLost: false, path: ['plats'] });
      expect(input(again).value).to.equal('Lampan lyser inte');
      await expect(again).to.be.accessible();
    });

    it('starts afresh from malformed JSON or a draft of another version (which is dropped)', async () => {
      sessionStorage.setItem(key, '{"version":2,"values":');
      const a = await render();
      expect(a.restores).to.have.length(0);
      expect(input(a).value).to.equal('');
      a.remove();

      sessionStorage.setItem(key, JSON.stringify({ version: 1, values: { description: 'gammal' }, path: [], hadFiles: false, savedAt: Date.now() }));
      const b = await render();
      expect(b.restores).to.have.length(0);
      expect(sessionStorage.getItem(key)).to.equal(null);
    });

    it('keeps only valid values, over the defaults', async () => {
      sessionStorage.setItem(key, JSON.stringify({ version: 2, values: { description: 42, topics: ['gata', 7], evil: '<img>' }, path: ['plats', 3], hadFiles: false, savedAt: Date.now() }));
      const el = await render();
      expect(el.restores[0]?.values).to.deep.equal({ description: '', topics: ['gata'] });
      expect(el.restores[0]?.path).to.deep.equal(['plats']);
    });

    it('survives full or blocked storage', async () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await render();
        await typeInto(el, 'Hål i vägen');
        expect(input(el).value).to.equal('Hål i vägen');
        expect(el.values.description).to.equal('Hål i vägen');
      } finally {
        Storage.prototype.setItem = setItem;
      }
    });

    it('tells the citizen that files were not kept, until dismissed by keyboard', async () => {
      sessionStorage.setItem(key, JSON.stringify({ ...data('Trasig skylt', { hadFiles: true }), savedAt: Date.now() }));
      const el = await render();
      expect(el.drafts.filesLost).to.equal(true);
      expect(el.restores[0]?.filesLost).to.equal(true);
      const notice = root(el).querySelector('[role=status]');
      expect(notice?.textContent).to.contain('Lägg till filerna igen');
      await expect(el).to.be.accessible();
      const close = [...root(el).querySelectorAll('button')].find((b) => b.textContent.trim() === 'Stäng meddelandet')!;
      close.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.drafts.filesLost).to.equal(false);
      expect(root(el).textContent).not.to.contain('Lägg till filerna igen');
    });
  });

  describe('logged in', () => {
    beforeEach(() => {
      state.user = anna();
    });

    it("restores the server's draft, then saves debounced with the revision last seen", async () => {
      KkDraftTest.debounce = undefined; // the default, 500 ms
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Från mobilen'), 4));
      const el = await render();
      expect(el.restores).to.have.length(1);
      expect(el.restores[0]).to.deep.include({ from: 'server', path: ['plats', 'beskrivning'] });
      expect(input(el).value).to.equal('Från mobilen');
      expect(el.drafts.saveState).to.equal('saved');

      await typeInto(el, ', vid busshållplatsen');
      await waitUntil(() => el.drafts.saveState === 'saved' && serverDraft()?.revision === 5, 'the draft was not saved');
      // Typed letter by letter: one PUT after the pause, not one per letter.
      expect(puts()).to.have.length(1);
      expect(state.saves[0]).to.deep.equal({ data: data('Från mobilen, vid busshållplatsen'), step: 'beskrivning', revision: 4 });
      expect(serverDraft()?.revision).to.equal(5);
      // Also in this tab, for a reload without network.
      expect((stored()?.values as Answers).description).to.equal('Från mobilen, vid busshållplatsen');
      await expect(el).to.be.accessible();
    });

    it('takes the newer of the two: the tab copy when it is newer (and sends it to the server)', async () => {
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Äldre på servern'), 2, new Date(Date.now() - 60_000).toISOString()));
      sessionStorage.setItem(key, JSON.stringify({ ...data('Nyare i fliken'), savedAt: Date.now() }));
      const el = await render();
      expect(el.restores).to.have.length(1);
      expect(el.restores[0]).to.deep.include({ from: 'session' });
      expect(input(el).value).to.equal('Nyare i fliken');
      await waitUntil(() => el.drafts.saveState === 'saved', 'the newer tab copy was not sent');
      expect(puts()).to.have.length(1);
      expect(state.saves[0]?.revision).to.equal(2);
      expect((serverDraft()?.data.values as Answers).description).to.equal('Nyare i fliken');
    });

    it("takes the newer of the two: the server's when it is newer", async () => {
      sessionStorage.setItem(key, JSON.stringify({ ...data('Äldre i fliken'), savedAt: Date.now() - 60_000 }));
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Nyare från datorn'), 7));
      const el = await render();
      expect(el.restores).to.have.length(1);
      expect(el.restores[0]).to.deep.include({ from: 'server' });
      expect(input(el).value).to.equal('Nyare från datorn');
      expect((stored()?.values as Answers).description).to.equal('Nyare från datorn');
      await wait(200);
      expect(puts()).to.have.length(0);
    });

    it('shows a conflict after a 409; "Använd de sparade svaren" takes the server version', async () => {
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Första'), 1));
      const el = await render();
      // Meanwhile, another browser saves.
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Från den andra datorn'), 2));
      await typeInto(el, ' ändrad');
      await waitUntil(() => el.drafts.saveState === 'conflict', 'the 409 was not shown as a conflict');
      await el.updateComplete;
      const alert = root(el).querySelector('[role=alert]');
      expect(alert?.textContent).to.contain('Dina svar har ändrats i en annan webbläsare');
      await expect(el).to.be.accessible();
      // No further saves overwrite the other browser's answers while in conflict.
      await typeInto(el, '!');
      await wait(250);
      expect(puts()).to.have.length(1);
      expect(serverDraft()?.revision).to.equal(2);

      const reload = [...root(el).querySelectorAll('button')].find((b) => b.textContent.trim() === 'Använd de sparade svaren')!;
      reload.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.drafts.saveState === 'saved', 'the server version was not taken');
      await el.updateComplete;
      expect(el.restores.at(-1)).to.deep.include({ from: 'server' });
      expect(input(el).value).to.equal('Från den andra datorn');
      expect(root(el).querySelector('[role=alert]')).to.equal(null);
      // Saving goes on from the server's revision.
      await typeInto(el, '.');
      await waitUntil(() => serverDraft()?.revision === 3, 'saving did not go on');
      expect(state.saves.at(-1)?.revision).to.equal(2);
    });

    it('"Behåll svaren på den här sidan" overwrites the server draft', async () => {
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Första'), 1));
      const el = await render();
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Från den andra datorn'), 2));
      await typeInto(el, ' min');
      await waitUntil(() => el.drafts.saveState === 'conflict');
      await el.updateComplete;
      const keep = [...root(el).querySelectorAll('button')].find((b) => b.textContent.trim() === 'Behåll svaren på den här sidan')!;
      keep.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => el.drafts.saveState === 'saved', 'mine were not kept');
      expect(state.saves.at(-1)).not.to.have.property('revision');
      expect((serverDraft()?.data.values as Answers).description).to.equal('Första min');
      expect(input(el).value).to.equal('Första min');
    });

    it('after "deleted meanwhile" (sent from another device), reloading starts afresh', async () => {
      state.drafts.set('felanmalan', storedDraft('felanmalan', data('Första'), 1));
      const el = await render();
      state.drafts.delete('felanmalan');
      await typeInto(el, 'x');
      await waitUntil(() => el.drafts.saveState === 'conflict');
      await el.drafts.reloadFromServer();
      await el.updateComplete;
      expect(el.restores.at(-1)).to.deep.equal({ values: { description: '', topics: [] }, path: [], filesLost: false, from: 'server' });
      expect(sessionStorage.getItem(key)).to.equal(null);
      expect(el.drafts.saveState).to.equal('idle');
    });

    it('says "unsaved" when the server save fails, keeps the tab copy, and retries on the next save', async () => {
      const el = await render();
      state.failSaves = 1;
      el.type('Nedfallen gren'); // one save, so the failure is not overtaken by the next letter's
      await el.updateComplete;
      await waitUntil(() => el.drafts.saveState === 'unsaved', 'the failure was not shown');
      await el.updateComplete;
      expect(root(el).querySelector('[role=status]')?.textContent).to.contain('kunde inte sparas på ditt konto');
      expect((stored()?.values as Answers).description).to.equal('Nedfallen gren');
      await expect(el).to.be.accessible();
      await typeInto(el, '.');
      await waitUntil(() => el.drafts.saveState === 'saved', 'the retry did not save');
      expect((serverDraft()?.data.values as Answers).description).to.equal('Nedfallen gren.');
    });

    it('clear() removes the draft from the tab and the server', async () => {
      const el = await render();
      await typeInto(el, 'Klotter');
      await el.drafts.clear();
      expect(sessionStorage.getItem(key)).to.equal(null);
      expect(state.deletes).to.equal(1);
      expect(serverDraft()).to.equal(undefined);
      // A pending save does not bring it back.
      await wait(250);
      expect(serverDraft()).to.equal(undefined);
    });

    it('flush() and pagehide send a pending save at once', async () => {
      KkDraftTest.debounce = 5000;
      const el = await render();
      el.drafts.save({ description: 'Snabbt', topics: [] }, { path: ['plats'], hadFiles: false });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitUntil(() => puts().length === 1, 'pagehide did not send', { timeout: 2000 });
      await el.drafts.flush();
      expect(el.drafts.saveState).to.equal('saved');
      expect((serverDraft()?.data.values as Answers).description).to.equal('Snabbt');
      el.drafts.save({ description: 'Snabbt igen', topics: [] }, { path: ['plats'], hadFiles: false });
      await el.drafts.flush();
      expect(puts()).to.have.length(2);
      expect((serverDraft()?.data.values as Answers).description).to.equal('Snabbt igen');
      // After the widget has left the page, pagehide is not listened to.
      el.remove();
      el.drafts.save({ description: 'Efter', topics: [] }, { path: ['plats'], hadFiles: false });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await wait(200);
      expect(puts()).to.have.length(2);
      await el.drafts.clear();
    });

    it('stops using the server on logout', async () => {
      const el = await render();
      await el.sdk!.auth.logout();
      await typeInto(el, 'Efter utloggning');
      await wait(250);
      expect(puts()).to.have.length(0);
      expect(el.drafts.saveState).to.equal('idle');
      expect((stored()?.values as Answers).description).to.equal('Efter utloggning');
    });
  });

  it('a citizen who logs in mid-flow has the tab copy pushed to the server on the next save', async () => {
    const el = await render();
    await typeInto(el, 'Innan inloggning');
    state.user = anna();
    // An existing draft from before, on another device: its revision is the base, not lost silently.
    state.drafts.set('felanmalan', storedDraft('felanmalan', data('Gammalt utkast'), 3));
    await el.sdk!.auth.refresh();
    await typeInto(el, '!');
    await waitUntil(() => el.drafts.saveState === 'saved', 'nothing was saved after the login');
    expect(state.requests.filter((r) => r.includes('/drafts/'))).to.deep.equal(['GET /api/v1/exempelstad/drafts/felanmalan', 'PUT /api/v1/exempelstad/drafts/felanmalan']);
    expect(state.saves[0]?.revision).to.equal(3);
    expect((serverDraft()?.data.values as Answers).description).to.equal('Innan inloggning!');
  });

  it('an edit made while the restore was asking the server is not overwritten by it', async () => {
    state.user = anna();
    state.drafts.set('felanmalan', storedDraft('felanmalan', data('Serverns'), 1));
    const api = freshApi();
    const client = getClient({ api, kommun: 'exempelstad', retry: false });
    const el = await fixture<KkDraftTest>(html`<kk-draft-test api=${api} kommun="exempelstad"></kk-draft-test>`);
    rendered.push(el);
    expect(el.drafts.restored).to.equal(false);
    el.drafts.save({ description: 'Skrivet under tiden', topics: [] }, { path: ['plats'], hadFiles: false });
    await waitUntil(() => el.drafts.restored);
    expect(el.restores).to.have.length(0);
    await waitUntil(() => el.drafts.saveState === 'saved', 'the edit was not saved');
    expect(puts()).to.have.length(1);
    expect(state.saves[0]).to.deep.include({ revision: 1 });
    expect((serverDraft()?.data.values as Answers).description).to.equal('Skrivet under tiden');
    expect(client.auth.user?.name).to.equal('Anna Andersson');
  });
});
