import { css } from 'lit';
import { tokenStyles } from './tokens.js';

/**
 * Styles for the ui templates every widget uses: tokens, text, links, buttons, panels, alerts,
 * tags and the spinner. Widgets include `uiStyles` first in their `static styles`, then
 * `formStyles` if they have a form, then their own. Selectors are classes (`kk-*`), so the
 * markup stays plain and the rules stay low in specificity for widgets to refine.
 */
const base = css`
  .kk-visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .kk-heading,
  .kk-error-summary__title,
  .kk-alert__title {
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 var(--_kk-space-4);
  }
  h2.kk-heading {
    font-size: 1.5em;
  }
  h3.kk-heading {
    font-size: 1.25em;
  }
  h4.kk-heading,
  h5.kk-heading,
  h6.kk-heading {
    font-size: 1.125em;
  }
  [data-kk-focus-target]:focus {
    outline: none;
  }
  p {
    margin: 0 0 var(--_kk-space-4);
  }
  a,
  .kk-link-button {
    color: var(--_kk-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
  }
  a:focus,
  .kk-link-button:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    background-color: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
    box-shadow: 0 4px var(--_kk-color-focus-text);
    text-decoration: none;
  }
  button {
    font: inherit;
  }
  .kk-link-button {
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
`;


const patterns = css`
  .kk-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_kk-space-2);
    min-block-size: 2.75em;
    margin: 0 var(--_kk-space-2) var(--_kk-space-4) 0;
    padding: var(--_kk-space-2) var(--_kk-space-4);
    border: var(--_kk-border-width) solid transparent;
    border-radius: var(--_kk-radius);
    font: inherit;
    font-weight: 700;
    line-height: 1.2;
    cursor: pointer;
    text-decoration: none;
  }
  .kk-button--primary {
    background: var(--_kk-color-primary);
    color: var(--_kk-color-on-primary);
  }
  .kk-button--primary:hover {
    background: var(--_kk-color-primary-hover);
  }
  .kk-button--secondary {
    background: var(--_kk-color-surface);
    color: var(--_kk-color-text);
    border-color: var(--_kk-color-border);
  }
  .kk-button--warning {
    background: var(--_kk-color-error);
    color: var(--_kk-color-on-primary);
  }
  .kk-button:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    box-shadow: 0 0 0 calc(var(--_kk-focus-width) + 2px) var(--_kk-color-focus-text);
    background: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
  }
  .kk-button:disabled,
  .kk-button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .kk-alert {
    border-inline-start: 5px solid var(--_kk-color-primary);
    background: var(--_kk-color-info-surface);
    padding: var(--_kk-space-4);
    margin-block-end: var(--_kk-space-5);
  }
  .kk-alert--success {
    border-color: var(--_kk-color-success);
    background: var(--_kk-color-success-surface);
  }
  .kk-alert--warning {
    border-color: var(--_kk-color-warning);
    background: var(--_kk-color-warning-surface);
  }
  .kk-alert--error {
    border-color: var(--_kk-color-error);
    background: var(--_kk-color-error-surface);
  }
  .kk-alert__body > :last-child {
    margin-block-end: 0;
  }
  .kk-tag {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: var(--_kk-radius);
    font-weight: 700;
    font-size: 0.875em;
    color: var(--_kk-color-text);
    background: var(--_kk-color-surface);
  }
  .kk-tag--info {
    background: var(--_kk-color-info-surface);
    color: var(--_kk-color-primary-hover);
  }
  .kk-tag--success {
    background: var(--_kk-color-success-surface);
    color: var(--_kk-color-success);
  }
  .kk-tag--warning {
    background: var(--_kk-color-warning-surface);
    color: var(--_kk-color-warning);
  }
  .kk-tag--error {
    background: var(--_kk-color-error-surface);
    color: var(--_kk-color-error);
  }
  .kk-spinner {
    display: flex;
    align-items: center;
    gap: var(--_kk-space-2);
    padding-block: var(--_kk-space-4);
  }
  .kk-spinner__icon {
    display: inline-block;
    inline-size: 1.5em;
    block-size: 1.5em;
    border: 0.2em solid var(--_kk-color-border-subtle);
    border-block-start-color: var(--_kk-color-primary);
    border-radius: 50%;
    animation: kk-spin 0.8s linear infinite;
  }
  .kk-spinner__icon--inline {
    inline-size: 1em;
    block-size: 1em;
    border-color: currentColor;
    border-block-start-color: transparent;
  }
  @keyframes kk-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .kk-spinner__icon {
      animation-duration: 3s;
    }
  }
`;

export const uiStyles = [tokenStyles, base, patterns];
