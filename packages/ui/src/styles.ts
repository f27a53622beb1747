import { css } from 'lit';
import { tokenStyles } from './tokens.js';

/**
 * Styles for everything the ui templates render. Widgets include `uiStyles` first in their
 * `static styles` and add their own after it. Selectors are classes (`kk-*`), so the markup
 * stays plain and the rules stay low in specificity for widgets to refine.
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
  .kk-panel__title,
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
  .kk-link-button,
  .kk-back-link {
    color: var(--_kk-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
  }
  a:focus,
  .kk-link-button:focus-visible,
  .kk-back-link:focus-visible {
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
  .kk-link-button,
  .kk-back-link {
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
  .kk-back-link {
    display: inline-block;
    margin-block-end: var(--_kk-space-4);
    font-size: 0.875em;
  }
  .kk-back-link::before {
    content: '‹ ';
  }
  .kk-step-counter {
    color: var(--_kk-color-text-secondary);
    margin-block-end: var(--_kk-space-1);
  }
`;

const fields = css`
  .kk-field {
    margin-block-end: var(--_kk-space-5);
  }
  .kk-field--error {
    border-inline-start: 5px solid var(--_kk-color-error);
    padding-inline-start: var(--_kk-space-4);
  }
  .kk-fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .kk-label,
  .kk-legend {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_kk-space-1);
    padding: 0;
  }
  .kk-optional {
    font-weight: 400;
  }
  .kk-hint {
    display: block;
    color: var(--_kk-color-text-secondary);
    margin-block-end: var(--_kk-space-2);
  }
  .kk-error-message {
    display: block;
    color: var(--_kk-color-error);
    font-weight: 700;
    margin: 0 0 var(--_kk-space-2);
  }
  .kk-input,
  .kk-textarea,
  .kk-select {
    display: block;
    inline-size: 100%;
    min-block-size: 2.5em;
    padding: var(--_kk-space-2);
    font: inherit;
    color: var(--_kk-color-text);
    background: var(--_kk-color-background);
    border: var(--_kk-border-width) solid var(--_kk-color-border);
    border-radius: 0;
    appearance: auto;
  }
  .kk-textarea {
    resize: vertical;
  }
  .kk-input[aria-invalid='true'],
  .kk-textarea[aria-invalid='true'],
  .kk-select[aria-invalid='true'] {
    border-color: var(--_kk-color-error);
  }
  .kk-input:focus,
  .kk-textarea:focus,
  .kk-select:focus,
  .kk-file:focus {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_kk-color-focus-text);
    background-color: var(--_kk-color-background);
    color: var(--_kk-color-text);
  }
  .kk-input:disabled,
  .kk-textarea:disabled,
  .kk-select:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .kk-input--w2 {
    max-inline-size: 5ch;
  }
  .kk-input--w3 {
    max-inline-size: 6ch;
  }
  .kk-input--w4 {
    max-inline-size: 7ch;
  }
  .kk-input--w5 {
    max-inline-size: 8ch;
  }
  .kk-input--w10 {
    max-inline-size: 13ch;
  }
  .kk-input--w20 {
    max-inline-size: 23ch;
  }
  .kk-input--w30 {
    max-inline-size: 33ch;
  }
  .kk-input--date {
    inline-size: auto;
  }
  .kk-file {
    display: block;
    font: inherit;
    padding: var(--_kk-space-1);
  }
  .kk-choices {
    display: grid;
    gap: var(--_kk-space-2);
  }
  .kk-choices--inline {
    grid-auto-flow: column;
    justify-content: start;
    gap: var(--_kk-space-5);
  }
  .kk-choice {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_kk-space-2);
    align-items: center;
  }
  .kk-choice__input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_kk-color-primary);
  }
  .kk-choice__input:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 2px;
    background: none;
    box-shadow: none;
  }
  .kk-choice__hint {
    grid-column: 2;
    margin: 0;
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
  .kk-error-summary {
    border: 5px solid var(--_kk-color-error);
    padding: var(--_kk-space-4);
    margin-block-end: var(--_kk-space-5);
  }
  .kk-error-summary:focus {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
  }
  .kk-error-summary__list {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }
  .kk-error-summary__list a {
    color: var(--_kk-color-error);
    font-weight: 700;
  }
  .kk-summary-list {
    margin: 0 0 var(--_kk-space-5);
  }
  .kk-summary-list__row {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr auto;
    gap: var(--_kk-space-2) var(--_kk-space-4);
    padding-block: var(--_kk-space-2);
    border-block-end: 1px solid var(--_kk-color-border-subtle);
  }
  .kk-summary-list__key {
    font-weight: 700;
  }
  .kk-summary-list__value,
  .kk-summary-list__actions {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 30em) {
    .kk-summary-list__row {
      grid-template-columns: 1fr;
    }
  }
  .kk-panel {
    padding: var(--_kk-space-5);
    margin-block-end: var(--_kk-space-5);
    background: var(--_kk-color-success);
    color: var(--_kk-color-on-primary);
    text-align: center;
  }
  .kk-panel__title {
    font-size: 1.75em;
  }
  .kk-panel__reference {
    font-size: 1.5em;
    letter-spacing: 0.05em;
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

export const uiStyles = [tokenStyles, base, fields, patterns];
