import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../test/host.js';
import { errorSummary } from './error-summary.js';
import { alert, button, confirmationPanel, spinner, statusTag } from './feedback.js';
import { backLink, continueButton, stepCounter } from './step-flow.js';
import { summaryList } from './summary-list.js';

const inHost = (template: () => TemplateResult) => html`<kk-test-host .template=${template}></kk-test-host>`;
const noop = () => {};

const meta: Meta = { title: 'ui/Patterns' };
export default meta;

type Story = StoryObj;

export const Alerts: Story = {
  render: () =>
    inHost(
      () => html`
        ${alert({ tone: 'info', title: 'Planerat arbete', body: html`<p>Vattnet stängs av på Storgatan tisdag 9–12.</p>` })}
        ${alert({ tone: 'success', title: 'Sparat', body: html`<p>Ditt utkast är sparat.</p>` })}
        ${alert({ tone: 'warning', title: 'Kontrollera datumet', body: html`<p>Startdatumet är tidigare än fyra månader från i dag.</p>` })}
        ${alert({ tone: 'error', title: 'Det gick inte att skicka', body: html`<p>Försök igen om en stund. Det du skrivit finns kvar.</p>` })}
      `,
    ),
};

export const StatusTags: Story = {
  render: () =>
    inHost(
      () => html`<p>
        ${statusTag({ label: 'Mottagen' })} ${statusTag({ label: 'Under utredning', tone: 'info' })}
        ${statusTag({ label: 'Åtgärdad', tone: 'success' })} ${statusTag({ label: 'Påminnelse', tone: 'warning' })}
        ${statusTag({ label: 'Inkasso', tone: 'error' })}
      </p>`,
    ),
};

export const Spinner: Story = { render: () => inHost(() => spinner()) };

export const Buttons: Story = {
  render: () =>
    inHost(
      () => html`
        ${button({ label: 'Skicka' })} ${button({ label: 'Avbryt', variant: 'secondary' })}
        ${button({ label: 'Ta bort', variant: 'warning' })} ${button({ label: 'Skickar…', busy: true })}
        ${button({ label: 'Inte tillgänglig', disabled: true })}
      `,
    ),
};

export const ErrorSummary: Story = {
  render: () =>
    inHost(
      () => html`${errorSummary({
          headingLevel: 2,
          errors: [
            { id: 'namn', message: 'Ange ditt namn' },
            { id: 'epost', message: 'Ange en e-postadress i rätt format, till exempel namn@exempel.se' },
          ],
        })}
        <label for="namn">Namn</label> <input id="namn" />
        <label for="epost">E-post</label> <input id="epost" />`,
    ),
};

export const CheckAnswers: Story = {
  render: () =>
    inHost(() =>
      summaryList([
        { key: 'Kategori', value: 'Gatubelysning', onChange: noop },
        { key: 'Plats', value: 'Storgatan 12, Exempelstad', onChange: noop },
        { key: 'Beskrivning', value: 'Lampan lyser inte.\nGäller sedan i måndags.', onChange: noop },
      ]),
    ),
};

export const Confirmation: Story = {
  render: () =>
    inHost(() =>
      confirmationPanel({
        title: 'Din felanmälan är skickad',
        headingLevel: 2,
        reference: 'EXS-2026-00042',
        body: html`<p class="kk-panel__body">Du kan följa ärendet med referensnumret.</p>`,
      }),
    ),
};

export const StepNavigation: Story = {
  render: () => inHost(() => html`${backLink({ onClick: noop })} ${stepCounter(1, 5)}<form>${continueButton()}</form>`),
};
