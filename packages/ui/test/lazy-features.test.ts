import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { css, type TemplateResult } from 'lit';
import { LazyFeatures } from '../src/lazy-features.js';
import { loadable } from '../src/loadable.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (host: KkTestHost) => host.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();
const until = (check: () => unknown, what: string) => waitUntil(check, what, { timeout: 3000 });

/** Styles two features share, and one of the first feature's own. */
const shared = css`
  .kk-lazy-shared {
    outline: 3px solid rgb(1, 2, 3);
  }
`;
const own = css`
  .kk-lazy-page {
    color: rgb(10, 20, 30);
  }
`;

/** A feature module as a widget's chunk is: a render function and its styles. */
const page = (name: string, styles = [shared, own]) => ({
  styles,
  render: (): TemplateResult => html`<p class="kk-lazy-page kk-lazy-shared">${name}</p>`,
});
type Page = ReturnType<typeof page>;

/** Loaders whose imports the test settles by hand: `fail` and `load` the next pending one. */
function loaders() {
  const pending: { resolve: (module: Page) => void; reject: (error: Error) => void; name: string }[] = [];
  const asked: string[] = [];
  const loader = (name: string) => () =>
    new Promise<Page>((resolve, reject) => {
      asked.push(name);
      pending.push({ resolve, reject, name });
    });
  return {
    asked,
    table: { first: loader('first'), second: loader('second') },
    async load(module: Page) {
      pending.shift()!.resolve(module);
      await Promise.resolve();
    },
    async fail() {
      pending.shift()!.reject(new TypeError('Failed to fetch dynamically imported module'));
      // Past the rejection handlers.
      await new Promise((resolve) => setTimeout(resolve));
    },
  };
}

const countOf = (host: KkTestHost, sheet: CSSStyleSheet | undefined) => host.shadowRoot!.adoptedStyleSheets.filter((candidate) => candidate === sheet).length;

describe('LazyFeatures', () => {
  it('loads a feature the first time it is asked for, renders it and adopts its styles once', async () => {
    const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
    const chunks = loaders();
    const features = new LazyFeatures(host, chunks.table);
    host.template = () => features.get('first')?.render() ?? html`<p>Laddar</p>`;
    await host.updateComplete;
    expect(text(host)).to.equal('Laddar');
    expect(chunks.asked).to.deep.equal(['first']);
    // Further updates while it loads ask for it only once.
    host.requestUpdate();
    await host.updateComplete;
    expect(chunks.asked).to.deep.equal(['first']);

    await chunks.load(page('Första sidan'));
    await until(() => text(host) === 'Första sidan', 'the loaded feature did not render');
    const paragraph = host.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(paragraph).color).to.equal('rgb(10, 20, 30)');
    expect(countOf(host, own.styleSheet)).to.equal(1);
    // The element's own styles stay, before the feature's.
    expect(host.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(2);

    host.requestUpdate();
    await host.updateComplete;
    expect(countOf(host, own.styleSheet)).to.equal(1);
    expect(chunks.asked).to.deep.equal(['first']);
  });

  it('asks again for a chunk that failed to load, on the next update', async () => {
    const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
    const chunks = loaders();
    const features = new LazyFeatures(host, chunks.table);
    host.template = () => features.get('first')?.render() ?? html`<p>Laddar</p>`;
    await host.updateComplete;
    await chunks.fail();
    expect(text(host)).to.equal('Laddar');
    expect(chunks.asked).to.deep.equal(['first']);

    // The citizen does something: the next update asks for the chunk again, and this time it comes.
    host.requestUpdate();
    await host.updateComplete;
    expect(chunks.asked).to.deep.equal(['first', 'first']);
    await chunks.load(page('Första sidan'));
    await until(() => text(host) === 'Första sidan', 'the retried feature did not render');
    expect(countOf(host, own.styleSheet)).to.equal(1);
  });

  it('preloads without rendering, and adopts styles two features share once', async () => {
    const host = await fixture<KkTestHost>(html`<kk-test-host></kk-test-host>`);
    const chunks = loaders();
    const features = new LazyFeatures(host, chunks.table);
    let show: 'first' | 'second' = 'first';
    host.template = () => features.get(show)?.render() ?? html`<p>Laddar</p>`;
    await host.updateComplete;
    features.preload('second');
    features.preload('second');
    expect(chunks.asked).to.deep.equal(['first', 'second']);
    await chunks.load(page('Första sidan'));
    await chunks.load(page('Andra sidan', [shared]));
    await until(() => text(host) === 'Första sidan', 'the first feature did not render');
    expect(countOf(host, shared.styleSheet)).to.equal(1);

    show = 'second';
    host.requestUpdate();
    await host.updateComplete;
    // Already there: no spinner, no second load.
    expect(text(host)).to.equal('Andra sidan');
    expect(chunks.asked).to.deep.equal(['first', 'second']);
    expect(getComputedStyle(host.shadowRoot!.querySelector('p')!).outlineColor).to.equal('rgb(1, 2, 3)');
  });

  it('keeps the styles of a feature that arrived before the host had its shadow root', async () => {
    const host = document.createElement('kk-test-host');
    const chunks = loaders();
    const features = new LazyFeatures(host, chunks.table);
    features.preload('first');
    await chunks.load(page('Första sidan'));
    expect(host.shadowRoot).to.equal(null);
    host.template = () => features.get('first')?.render() ?? html`<p>Laddar</p>`;
    document.body.append(host);
    try {
      await host.updateComplete;
      expect(text(host)).to.equal('Första sidan');
      expect(countOf(host, own.styleSheet)).to.equal(1);
      expect(getComputedStyle(host.shadowRoot!.querySelector('p')!).color).to.equal('rgb(10, 20, 30)');
    } finally {
      host.remove();
    }
  });
});

describe('loadable', () => {
  // The values of @lit/task's TaskStatus: INITIAL 0, PENDING 1, COMPLETE 2, ERROR 3.
  const task = (status: number, value?: string[]) => {
    const runs: number[] = [];
    return { runs, status, value, run: () => runs.push(status) };
  };

  it('is loading before and while the task runs, and ready with what the page needs once complete', () => {
    expect(loadable(task(0), (value) => value)).to.deep.equal({ state: 'loading' });
    expect(loadable(task(1), (value) => value)).to.deep.equal({ state: 'loading' });
    expect(loadable(task(2, ['a', 'b']), (value: string[]) => value.length)).to.deep.equal({ state: 'ready', value: 2 });
  });

  it('is an error with a retry that runs the task again', () => {
    const failed = task(3);
    const state = loadable(failed, (value) => value);
    expect(state.state).to.equal('error');
    if (state.state === 'error') state.retry();
    expect(failed.runs).to.deep.equal([3]);
  });
});
