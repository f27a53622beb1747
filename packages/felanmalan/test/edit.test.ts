import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { active, atCheck, buttonNamed, fill, heading, press, reload, render, root, send, text, thanks, textareaOf, until } from './drive.js';
import { citizenGateway, gatewayHandlers, sessionHandlers } from './support.js';

const worker = setupWorker(...gatewayHandlers());
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const description = 'kk-fel-edit-description';
const editHeading = (el: HTMLElement) => text(el.shadowRoot!.querySelector('[data-kk-edit] [data-kk-focus-target]'));

describe('editing or withdrawing a report', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('corrects the description from the confirmation, by the rules of filing, with the edit token of an anonymous report', async () => {
    const gateway = citizenGateway({ signedIn: () => undefined });
    worker.use(...gateway.handlers);
    const el = await atCheck('rattastad');
    const reference = await send(el);
    expect(editHeading(el)).to.equal('Ändra eller återkalla anmälan');
    expect(text(root(el).querySelector('[data-kk-edit]'))).to.contain('fram till');

    await press(el, 'Ändra beskrivningen');
    expect(editHeading(el)).to.equal('Ändra beskrivningen');
    expect(active(el)?.textContent.trim()).to.equal('Ändra beskrivningen');
    expect(textareaOf(el, description).value).to.equal('Klotter på muren');
    expect(text(root(el).querySelector('[data-kk-edit] .kk-character-count'))).to.contain('tecken');
    await expect(el).to.be.accessible();

    await fill(el, description, '   ');
    await press(el, 'Spara ändringen');
    expect(text(root(el).querySelector('[data-kk-edit] [data-kk-error-summary]'))).to.contain('Beskriv vad som är fel');
    await fill(el, description, 'x'.repeat(4001));
    await press(el, 'Spara ändringen');
    expect(text(root(el).querySelector('[data-kk-edit] [data-kk-error-summary]'))).to.contain('högst 4000 tecken');
    expect(gateway.store.get(reference)!.report.description).to.equal('Klotter på muren');

    await fill(el, description, 'Klotter på muren och på bänken');
    await press(el, 'Spara ändringen');
    await until(() => editHeading(el) === 'Beskrivningen är ändrad', 'the change was not confirmed');
    expect(gateway.store.get(reference)!.report.description).to.equal('Klotter på muren och på bänken');
    expect(text(root(el).querySelector('.kk-panel__reference'))).to.equal(reference);
    await expect(el).to.be.accessible();
  });

  it('withdraws a report after asking, and says it is withdrawn', async () => {
    const gateway = citizenGateway({ signedIn: () => undefined });
    worker.use(...gateway.handlers);
    const el = await atCheck('aterstad');
    const reference = await send(el);
    await press(el, 'Återkalla anmälan');
    expect(editHeading(el)).to.equal('Vill du återkalla anmälan?');
    await expect(el).to.be.accessible();
    await press(el, 'Nej, behåll anmälan');
    expect(editHeading(el)).to.equal('Ändra eller återkalla anmälan');
    expect(gateway.store.get(reference)!.report.status).to.equal('mottagen');

    await press(el, 'Återkalla anmälan');
    await press(el, 'Ja, återkalla anmälan');
    await until(() => editHeading(el) === 'Anmälan är återkallad', 'the withdrawal was not confirmed');
    expect(gateway.store.get(reference)!.report.status).to.equal('aterkallad');
    expect(buttonNamed(el, 'Ändra beskrivningen')).to.equal(undefined);
    await expect(el).to.be.accessible();

    // "Följ ärendet" shows it withdrawn.
    await press(el, 'Följ ärendet');
    await until(() => root(el).querySelector('.kk-status-history'), 'the report did not load');
    expect(text(root(el).querySelector('.kk-tag'))).to.equal('Återkallad');
  });

  it('says plainly when it is too late', async () => {
    const gateway = citizenGateway({ signedIn: () => undefined });
    worker.use(...gateway.handlers);
    const el = await atCheck('senstad');
    const reference = await send(el);
    await press(el, 'Ändra beskrivningen');
    gateway.expire(reference);
    await fill(el, description, 'Klotter på hela muren');
    await press(el, 'Spara ändringen');
    await until(() => editHeading(el) === 'Det går inte längre att ändra anmälan', 'no too-late message');
    expect(text(root(el).querySelector('[data-kk-edit]'))).to.contain('tiden för att ändra den har gått ut').and.contain('Kontakta kommunen');
    expect(gateway.store.get(reference)!.report.description).to.equal('Klotter på muren');
    await expect(el).to.be.accessible();
  });

  it('keeps the edit after a reload of the confirmation, and in the follow view after "Gör en ny felanmälan", by the token kept with the reference', async () => {
    const gateway = citizenGateway({ signedIn: () => undefined });
    worker.use(...gateway.handlers);
    const first = await atCheck('tokenstad', { description: 'Trasig bänk' });
    const reference = await send(first);
    const el = await reload(first, 'tokenstad');
    await until(() => heading(el) === thanks, 'the confirmation did not come back');
    await press(el, 'Ändra beskrivningen');
    // The text is not in the page after a reload: it is read from the report.
    await until(() => textareaOf(el, description).value === 'Trasig bänk', 'the description was not read back');
    await press(el, 'Avbryt');
    await press(el, 'Gör en ny felanmälan');

    const follow = await reload(el, 'tokenstad', { view: 'folj', reference });
    await until(() => buttonNamed(follow, 'Återkalla anmälan'), 'no edit in the follow view');
    await press(follow, 'Återkalla anmälan');
    await press(follow, 'Ja, återkalla anmälan');
    await until(() => editHeading(follow) === 'Anmälan är återkallad', 'the withdrawal was not confirmed');
    expect(gateway.store.get(reference)!.report.status).to.equal('aterkallad');
    await until(() => text(follow.shadowRoot!.querySelector('.kk-tag')) === 'Återkallad', 'the follow view did not show it withdrawn');
    await expect(follow).to.be.accessible();
  });

  it("offers no edit of someone else's report in the follow view", async () => {
    const gateway = citizenGateway({ signedIn: () => undefined });
    worker.use(...gateway.handlers);
    gateway.seed({ reference: 'EXS-2026-000501', editableUntil: new Date(Date.now() + 3600_000).toISOString() }, undefined);
    const el = await render('framlingstad', { view: 'folj', reference: 'EXS-2026-000501' });
    await until(() => root(el).querySelector('.kk-status-history'), 'the report did not load');
    expect(root(el).querySelector('[data-kk-edit]')).to.equal(null);
  });

  it('lets the owner withdraw from Mina anmälningar, and the list shows it withdrawn', async () => {
    const session = sessionHandlers();
    const gateway = citizenGateway({ signedIn: session.signedIn });
    worker.use(...session.handlers, ...gateway.handlers);
    gateway.seed({ reference: 'EXS-2026-000601', editableUntil: new Date(Date.now() + 3600_000).toISOString() });
    const el = await render('egenstad', { view: 'mina' });
    await until(() => root(el).querySelector('.kk-list__row'), 'the list did not load');
    root(el).querySelector<HTMLButtonElement>('.kk-list__row')!.click();
    await until(() => buttonNamed(el, 'Återkalla anmälan'), 'no withdrawal in the detail');
    await press(el, 'Ändra beskrivningen');
    await fill(el, description, 'Klotter på hela muren');
    await press(el, 'Spara ändringen');
    await until(() => editHeading(el) === 'Beskrivningen är ändrad', 'the change was not confirmed');
    expect(text(root(el).querySelector('.kk-detail'))).to.contain('Klotter på hela muren');
    await press(el, 'Återkalla anmälan');
    await press(el, 'Ja, återkalla anmälan');
    await until(() => editHeading(el) === 'Anmälan är återkallad', 'the withdrawal was not confirmed');
    expect(text(root(el).querySelector('.kk-detail .kk-tag'))).to.equal('Återkallad');
    await press(el, 'Tillbaka till Mina anmälningar');
    await until(() => root(el).querySelector('.kk-list__row'), 'not back on the list');
    expect(text(root(el).querySelector('.kk-list__row .kk-tag'))).to.equal('Återkallad');
    await expect(el).to.be.accessible();
  });
});
