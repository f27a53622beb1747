import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { atCheck, buttonNamed, heading, press, reload, root, send, text, thanks, until } from './drive.js';
import { citizenGateway, draftKey, gatewayHandlers, sessionHandlers } from './support.js';

const worker = setupWorker(...gatewayHandlers());
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const sentKey = (kommun: string) => `kommunkit:felanmalan-sent:${kommun}`;
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('the confirmation', () => {
  beforeEach(() => {
    sessionStorage.clear();
    worker.resetHandlers();
  });

  it('says "Tack!" and the number once, and keeps them when the page is reloaded, until "Gör en ny felanmälan"', async () => {
    const gateway = citizenGateway();
    worker.use(...gateway.handlers);
    const el = await atCheck('tackstad');
    const reference = await send(el);
    expect(reference).to.match(/^EXS-2026-\d{6}$/);
    // Anonymous: filed over Open311, whose notice only repeats the thanks and the number.
    expect(gateway.posts.map((post) => post.path)).to.deep.equal(['/open311/v2/requests.json']);
    const shown = text(root(el));
    expect(count(shown, 'Tack')).to.equal(1);
    expect(count(shown, reference)).to.equal(1);

    const again = await reload(el, 'tackstad');
    await until(() => heading(again) === thanks, 'the reload lost the confirmation');
    expect(text(root(again).querySelector('.kk-panel__reference'))).to.equal(reference);
    expect(count(text(root(again)), 'Tack')).to.equal(1);
    await expect(again).to.be.accessible();

    await press(again, 'Gör en ny felanmälan');
    await until(() => heading(again) === 'Vad vill du anmäla?', 'no fresh start');
    expect(sessionStorage.getItem(sentKey('tackstad'))).to.equal(null);
    const fresh = await reload(again, 'tackstad');
    await until(() => heading(fresh) === 'Vad vill du anmäla?', 'the old confirmation came back after a fresh start');
    expect(gateway.store.size).to.equal(1);
  });

  it("shows the kommun's notice when it says something of its own", async () => {
    const el = await atCheck('notisstad');
    await send(el);
    expect(count(text(root(el)), 'Vi åtgärdar felet inom fem arbetsdagar.')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('files once when the answer was lost, the page reloaded and the report sent again', async () => {
    const gateway = citizenGateway({ loseReplies: 3 });
    worker.use(...gateway.handlers);
    const el = await atCheck('tappstad');
    buttonNamed(el, 'Skicka anmälan')!.click();
    await until(() => root(el).querySelector('.kk-alert--error'), 'no error shown', 10000);
    expect(gateway.store.size, 'the report arrived, its answers did not').to.equal(1);

    const again = await reload(el, 'tappstad');
    await until(() => heading(again) === 'Kontrollera din anmälan', 'the reload lost the answers');
    const reference = await send(again);
    expect(gateway.store.size, 'exactly one report').to.equal(1);
    expect(new Set(gateway.posts.map((post) => post.key)).size, 'every try carried the first key').to.equal(1);
    expect(reference).to.equal([...gateway.store.keys()][0]);
    expect(sessionStorage.getItem(draftKey('tappstad'))).to.equal(null);
  });

  it("files a logged-in citizen's report through the citizen API, linked to them, and links to Mina anmälningar", async () => {
    const session = sessionHandlers();
    const gateway = citizenGateway({ signedIn: session.signedIn });
    worker.use(...session.handlers, ...gateway.handlers);
    const el = await atCheck('inloggadstad', { firstName: 'Anna', lastName: 'Andersson', description: 'Lampan blinkar' });
    const reference = await send(el);
    expect(gateway.posts.map((post) => post.path)).to.deep.equal(['/api/v1/inloggadstad/felanmalan/reports']);
    const filed = gateway.store.get(reference)!;
    expect(filed.owner).to.equal('Anna Andersson');
    expect(filed.form.get('description')).to.equal('Lampan blinkar');
    expect(filed.form.get('first_name')).to.equal('Anna');
    expect(buttonNamed(el, 'Se alla dina anmälningar under Mina anmälningar')).to.not.equal(undefined);
    await expect(el).to.be.accessible();
    await press(el, 'Se alla dina anmälningar under Mina anmälningar');
    await until(() => el.getAttribute('view') === 'mina', 'the view was not reflected');
    await until(() => text(root(el)).includes(reference), 'the new report is not in Mina anmälningar');
  });
});
