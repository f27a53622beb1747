import { problemTypes, type Draft, type Problem } from '@kommunkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { Browser, writeHeaders } from './support/http.js';
import { login } from './support/login.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const guardian = /Vårdnadshavare med tre barn/;
const path = '/api/v1/exempelstad/drafts/felanmalan';

/** The same citizen logged in twice: two browsers, or a phone and a computer. */
async function twoDevices(): Promise<[Browser, Browser]> {
  const devices: [Browser, Browser] = [new Browser(gateway.url), new Browser(gateway.url)];
  for (const device of devices) await login(device, 'exempelstad', `${pages.exempelstad}/`, guardian);
  return devices;
}

const save = (browser: Browser, body: object) => browser.fetch(path, { method: 'PUT', headers: writeHeaders(pages.exempelstad), body: JSON.stringify(body) });
const read = async (browser: Browser) => (await (await browser.fetch(path)).json()) as Draft;

describe('draft revisions: a save based on an old revision changes nothing', () => {
  it('counts revisions from 1, one more on every save', async () => {
    const [phone] = await twoDevices();
    const first = (await (await save(phone, { data: { beskrivning: 'Trasig lampa' } })).json()) as Draft;
    expect(first.revision).toBe(1);
    const second = (await (await save(phone, { data: { beskrivning: 'Trasig lampa vid skolan' }, revision: 1 })).json()) as Draft;
    expect(second).toMatchObject({ revision: 2, data: { beskrivning: 'Trasig lampa vid skolan' } });
    // Without a revision the save is unconditional, and still counts.
    expect(((await (await save(phone, { data: { beskrivning: 'Ny början' } })).json()) as Draft).revision).toBe(3);
    expect(await read(phone)).toMatchObject({ revision: 3, data: { beskrivning: 'Ny början' } });
  });

  it('answers 409 to a save based on a revision another device has replaced, and keeps the other save', async () => {
    const [phone, computer] = await twoDevices();
    const start = (await (await save(phone, { data: { beskrivning: 'Klotter' }, step: 'beskrivning' })).json()) as Draft;
    const onComputer = await read(computer);
    expect(onComputer.revision).toBe(start.revision);

    expect((await save(phone, { data: { beskrivning: 'Klotter på muren' }, step: 'plats', revision: start.revision })).status).toBe(200);
    const stale = await save(computer, { data: { beskrivning: 'Klotter på bron' }, revision: onComputer.revision });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await stale.json()) as Problem;
    expect(problem).toMatchObject({ type: problemTypes.conflict, status: 409 });
    expect(problem.detail).toMatch(/ändrats i en annan webbläsare/);

    const stored = await read(computer);
    expect(stored).toMatchObject({ revision: 2, step: 'plats', data: { beskrivning: 'Klotter på muren' } });
  });

  it('answers 409 to a save based on a draft that was deleted meanwhile, and stores nothing', async () => {
    const [phone, computer] = await twoDevices();
    const start = (await (await save(phone, { data: { beskrivning: 'Hål i vägen' } })).json()) as Draft;
    expect((await phone.fetch(path, { method: 'DELETE', headers: { origin: pages.exempelstad, 'x-kommunkit-client': 'sdk/test' } })).status).toBe(204);
    expect((await save(computer, { data: { beskrivning: 'Hål i vägen vid torget' }, revision: start.revision })).status).toBe(409);
    expect((await computer.fetch(path)).status).toBe(404);
  });

  it('answers a retry of a save that went through with that save, not a conflict', async () => {
    const [phone] = await twoDevices();
    const start = (await (await save(phone, { data: { beskrivning: 'Nedfallet träd' } })).json()) as Draft;
    const edit = { data: { plats: { gata: 'Storgatan 1' }, beskrivning: 'Nedfallet träd över gångvägen' }, step: 'plats', revision: start.revision };
    expect((await save(phone, edit)).status).toBe(200);
    // The same PUT again, as the SDK sends it when the first answer was lost.
    const retry = await save(phone, edit);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Draft).revision).toBe(2);
    expect((await read(phone)).revision).toBe(2);
  });

  it('of two saves based on one revision at the same moment, exactly one wins', async () => {
    const [phone, computer] = await twoDevices();
    const start = (await (await save(phone, { data: { beskrivning: 'Start' } })).json()) as Draft;
    for (let round = 0; round < 5; round += 1) {
      const base = (await read(phone)).revision;
      const answers = await Promise.all([
        save(phone, { data: { beskrivning: `Telefonen, runda ${String(round)}` }, revision: base }),
        save(computer, { data: { beskrivning: `Datorn, runda ${String(round)}` }, revision: base }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = (await answers.find((answer) => answer.status === 200)!.json()) as Draft;
      expect(winner.revision).toBe(base + 1);
      expect(await read(computer)).toMatchObject({ revision: base + 1, data: winner.data });
    }
    expect((await read(phone)).revision).toBe(start.revision + 5);
  });

  it('refuses a revision that is not a whole number of at least 1', async () => {
    const [phone] = await twoDevices();
    for (const revision of [0, -1, 1.5, 'zwei']) {
      const response = await save(phone, { data: {}, revision });
      expect(response.status, JSON.stringify(revision)).toBe(400);
      expect(((await response.json()) as Problem).errors?.[0]?.pointer).toBe('/body/revision');
    }
    expect((await phone.fetch(path)).status).toBe(404);
  });
});
