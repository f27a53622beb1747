import { msg } from '@lit/localize';
import { backLink, heading, stepCounter, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportStatus } from '@kommunkit/sdk/felanmalan';
import type { KkFelanmalan } from '../felanmalan.js';
import { questionSteps } from '../flow.js';

/** A question page's top: "Tillbaka", "Steg 2 av 5" and the heading that takes focus. */
export function pageTop(host: KkFelanmalan, title: string): TemplateResult {
  const pages = questionSteps({ nearbyCount: host.nearbyCount });
  const index = pages.indexOf(host.steps.current);
  return html`${host.steps.canGoBack ? backLink({ onClick: () => host.steps.back() }) : nothing}
  ${index >= 0 ? stepCounter(index, pages.length) : nothing} ${heading({ level: host.headingLevel, focusTarget: true }, title)}`;
}

export const subHeading = (host: KkFelanmalan, text: string, className = 'kk-heading kk-group-heading'): TemplateResult =>
  heading({ level: subLevel(host.headingLevel), className }, text);

/** Swedish labels and tones of the status ladder. */
export function statusLabel(status: ReportStatus): { label: string; tone: 'info' | 'success' | 'warning' | 'neutral' } {
  switch (status) {
    case 'mottagen':
      return { label: msg('Mottagen'), tone: 'info' };
    case 'under_utredning':
      return { label: msg('Under utredning'), tone: 'info' };
    case 'atgard_planerad':
      return { label: msg('Åtgärd planerad'), tone: 'warning' };
    case 'atgardad':
      return { label: msg('Åtgärdad'), tone: 'success' };
    case 'avslutad_utan_atgard':
      return { label: msg('Avslutad utan åtgärd'), tone: 'neutral' };
    case 'dubblett':
      return { label: msg('Dubblett'), tone: 'neutral' };
  }
}

/** A date as the citizen's language writes it, in Swedish time. */
export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(date);
}

/** The form every question page is: no native validation, the FormController's instead. */
export function pageForm(onSubmit: () => void, content: unknown): TemplateResult {
  return html`<form
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      onSubmit();
    }}
  >
    ${content}
  </form>`;
}
