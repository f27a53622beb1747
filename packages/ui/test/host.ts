import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KkElement } from '../src/base-element.js';
import { formStyles } from '../src/forms/styles.js';
import { listDetailStyles } from '../src/list-detail.js';
import { pagerStyles } from '../src/pager.js';
import { statusHistoryStyles } from '../src/status-history.js';
import { uiStyles } from '../src/styles.js';

/**
 * Renders a ui template inside a widget-like shadow root with the ui styles, the way a service
 * element does. Used by the ui component tests and stories.
 */
export class KkTestHost extends KkElement {
  static override styles = [uiStyles, formStyles, statusHistoryStyles, pagerStyles, listDetailStyles];

  @property({ attribute: false })
  template: (host: KkTestHost) => TemplateResult = () => html``;

  override render(): TemplateResult {
    return this.template(this);
  }
}

KkTestHost.define('kk-test-host');

declare global {
  interface HTMLElementTagNameMap {
    'kk-test-host': KkTestHost;
  }
}
