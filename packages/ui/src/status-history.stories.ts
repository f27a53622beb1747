import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../test/host.js';
import { statusHistory, type StatusChange, type StatusHistoryOptions } from './status-history.js';

const changes: StatusChange[] = [
  { label: 'Mottagen', tone: 'info', at: '2026-11-30T08:12:00+01:00' },
  { label: 'Pågår', tone: 'warning', at: '2026-12-01T14:30:00+01:00', note: 'En elektriker är beställd.' },
  { label: 'Åtgärdad', tone: 'success', at: '2026-12-03T09:05:00+01:00', note: 'Lampan är bytt.\nTack för din anmälan!' },
];

const render = (options: Partial<StatusHistoryOptions>, lang = 'sv') =>
  html`<kk-test-host lang=${lang} .template=${() => statusHistory({ changes, ...options })}></kk-test-host>`;

/** What has happened to a case: each status change with its tag, time and note; the latest is the current status. */
const meta: Meta = { title: 'ui/Status history' };
export default meta;

type Story = StoryObj;

export const NewestFirst: Story = {
  render: () => render({ title: 'Vad har hänt', headingLevel: 3 }),
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    const first = host.shadowRoot!.querySelector('li')!;
    await expect(first.textContent).toContain('Aktuell status:');
    await expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-12-03T08:05:00.000Z');
  },
};

export const OldestFirst: Story = { render: () => render({ order: 'oldest-first', label: 'Ansökans historik' }) };

export const DatesOnly: Story = { render: () => render({ precision: 'date', title: 'Historik', headingLevel: 3 }) };

export const OneChange: Story = { render: () => render({ changes: changes.slice(0, 1), title: 'Vad har hänt', headingLevel: 3 }) };

/** No changes: nothing is rendered (the built Storybook's test checks that it stays so). */
export const Empty: Story = { tags: ['renders-nothing'], render: () => render({ changes: [] }) };

export const English: Story = { render: () => render({ title: 'What has happened', headingLevel: 3 }, 'en') };
