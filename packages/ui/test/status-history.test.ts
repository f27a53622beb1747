import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { useLocale } from '../src/localization.js';
import { statusHistory, type StatusChange, type StatusHistoryOptions } from '../src/status-history.js';
import type { KkTestHost } from './host.js';
import './host.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

// Oldest first, as the gateway returns a history. 23:15 UTC is already the next day in Stockholm.
const changes: StatusChange[] = [
  { label: 'Mottagen', tone: 'info', at: '2026-11-30T23:15:00Z' },
  { label: 'Pågår', tone: 'warning', at: '2026-12-01T13:30:00Z', note: 'En elektriker är beställd.' },
  { label: 'Åtgärdad', tone: 'success', at: '2026-12-03T08:05:00+01:00', note: 'Lampan är bytt.' },
];

async function render(options: Partial<StatusHistoryOptions> = {}, lang?: string): Promise<KkTestHost> {
  return fixture<KkTestHost>(html`<kk-test-host lang=${lang ?? 'sv'} .template=${() => statusHistory({ changes, ...options })}></kk-test-host>`);
}

const items = (host: KkTestHost) => [...host.shadowRoot!.querySelectorAll('ol > li')];

describe('statusHistory', () => {
  afterEach(() => useLocale('sv'));

  it('lists the changes newest first, the current status first and announced as such', async () => {
    const host = await render();
    const list = host.shadowRoot!.querySelector('ol')!;
    expect(list.hasAttribute('reversed')).to.equal(true);
    expect(list.getAttribute('aria-label')).to.equal('Statushistorik');
    expect(items(host).map((li) => text(li.querySelector('p')))).to.deep.equal([
      'Aktuell status: Åtgärdad 3 december 2026 kl. 08:05',
      'Pågår 1 december 2026 kl. 14:30',
      'Mottagen 1 december 2026 kl. 00:15',
    ]);
    expect(items(host).map((li) => li.querySelector('.kk-tag')!.className)).to.deep.equal([
      'kk-tag kk-tag--success',
      'kk-tag kk-tag--warning',
      'kk-tag kk-tag--info',
    ]);
    expect(items(host).map((li) => li.querySelector('time')!.getAttribute('datetime'))).to.deep.equal([
      '2026-12-03T07:05:00.000Z',
      '2026-12-01T13:30:00.000Z',
      '2026-11-30T23:15:00.000Z',
    ]);
    expect(items(host).map((li) => text(li.querySelector('.kk-status-history__note')))).to.deep.equal([
      'Lampan är bytt.',
      'En elektriker är beställd.',
      '',
    ]);
    // Only the current one is marked, and the mark is for screen readers only.
    const marks = host.shadowRoot!.querySelectorAll('.kk-visually-hidden');
    expect(marks.length).to.equal(1);
    expect(items(host)[0]!.contains(marks[0]!)).to.equal(true);
    await expect(host).to.be.accessible();
  });

  it('lists oldest first when asked, the current status still the latest change', async () => {
    const host = await render({ order: 'oldest-first', precision: 'date' });
    expect(host.shadowRoot!.querySelector('ol')!.hasAttribute('reversed')).to.equal(false);
    expect(items(host).map((li) => text(li.querySelector('p')))).to.deep.equal([
      'Mottagen 1 december 2026',
      'Pågår 1 december 2026',
      'Aktuell status: Åtgärdad 3 december 2026',
    ]);
    await expect(host).to.be.accessible();
  });

  it('with a title, names the list by its heading', async () => {
    const host = await render({ title: 'Vad har hänt', headingLevel: 4, id: 'historik' });
    const title = host.shadowRoot!.querySelector('h4')!;
    expect(text(title)).to.equal('Vad har hänt');
    const list = host.shadowRoot!.querySelector('ol')!;
    expect(list.getAttribute('aria-labelledby')).to.equal(title.id);
    expect(list.hasAttribute('aria-label')).to.equal(false);
    await expect(host).to.be.accessible();
  });

  it('renders nothing without changes, and keeps a time it cannot read as it came', async () => {
    const empty = await render({ changes: [] });
    expect(empty.shadowRoot!.querySelector('ol')).to.equal(null);
    const odd = await render({ changes: [{ label: 'Mottagen', at: 'okänd tid' }] });
    const time = odd.shadowRoot!.querySelector('time')!;
    expect(text(time)).to.equal('okänd tid');
    expect(time.hasAttribute('datetime')).to.equal(false);
    await expect(odd).to.be.accessible();
  });

  it('speaks English, with English dates', async () => {
    const host = await render({}, 'en');
    await waitUntil(() => host.shadowRoot!.querySelector('ol')!.getAttribute('aria-label') === 'Status history', 'English did not load', {
      timeout: 5000,
    });
    expect(text(items(host)[0]!.querySelector('p'))).to.equal('Current status: Åtgärdad 3 December 2026 at 08:05');
    expect(text(items(host)[2]!.querySelector('p'))).to.equal('Mottagen 1 December 2026 at 00:15');
    await expect(host).to.be.accessible();
  });
});
