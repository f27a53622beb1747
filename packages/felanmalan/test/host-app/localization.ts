/**
 * A host app's own lit-localize set-up, as a Lit app has it: configured once, at import, before
 * the app imports any kommunkit widget. Its source language is English and it has German.
 */
import { configureLocalization, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized } from '@lit/localize';

export const hostLocalization = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  // The host app's message id, as its own lit-localize build would generate it.
  loadLocale: () => Promise.resolve({ templates: { 'host-greeting': 'Willkommen bei der Gemeinde' } }),
});

@customElement('host-greeting')
@localized()
export class HostGreeting extends LitElement {
  override render() {
    return html`<p>${msg('Welcome to the municipality', { id: 'host-greeting' })}</p>`;
  }
}
