import { css } from 'lit';

/**
 * Styles for the form templates: fields, the error summary, the summary list, the flow's back
 * link and step counter, and the confirmation panel. A widget
 * with a form adds `formStyles` after `uiStyles`; they travel in the embed's forms chunk.
 */
export const formStyles = css`
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
  /* The confirmation a flow ends on. */
  .kk-panel {
    padding: var(--_kk-space-5);
    margin-block-end: var(--_kk-space-5);
    background: var(--_kk-color-success);
    color: var(--_kk-color-on-primary);
    text-align: center;
  }
  .kk-panel__title {
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 var(--_kk-space-4);
    font-size: 1.75em;
  }
  .kk-panel__reference {
    font-size: 1.5em;
    letter-spacing: 0.05em;
  }
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
  /* Add another: each item a bordered fieldset, its remove button after its fields. */
  .kk-add-another__item {
    margin-block-end: var(--_kk-space-5);
    padding: var(--_kk-space-4);
    border: 1px solid var(--_kk-color-border-subtle);
  }
  .kk-add-another__legend {
    font-size: 1.125em;
    padding-inline: var(--_kk-space-1);
  }
  .kk-add-another__add {
    margin-block-end: var(--_kk-space-5);
  }
  /* Slot grid: scrolls sideways on a narrow screen rather than squeezing seven days. */
  .kk-slot-grid {
    overflow-x: auto;
    margin-block-end: var(--_kk-space-5);
  }
  .kk-slot-grid__table {
    border-collapse: collapse;
    min-inline-size: 100%;
  }
  .kk-slot-grid__caption {
    text-align: start;
    font-weight: 700;
    margin-block-end: var(--_kk-space-2);
  }
  .kk-slot-grid__table th,
  .kk-slot-grid__cell {
    padding: var(--_kk-space-2);
    border: 1px solid var(--_kk-color-border-subtle);
    text-align: center;
    white-space: nowrap;
  }
  .kk-slot-grid__cell {
    cursor: pointer;
  }
  .kk-slot-grid__cell--booked,
  .kk-slot-grid__cell--none {
    cursor: not-allowed;
    color: var(--_kk-color-text-secondary);
    background: var(--_kk-color-surface);
  }
  .kk-slot-grid__cell--selected {
    font-weight: 700;
    background: var(--_kk-color-primary);
    color: var(--_kk-color-on-primary);
  }
  .kk-slot-grid__cell:focus {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: -2px;
    box-shadow: inset 0 0 0 calc(var(--_kk-focus-width) + 2px) var(--_kk-color-focus-text);
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
  .kk-select:focus {
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
    position: relative;
  }
  /* Hidden from view, not from the keyboard or a screen reader: the label is its button. */
  .kk-file__input {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
  }
  .kk-file__button {
    margin-block-end: 0;
  }
  .kk-file__input:focus-visible + .kk-file__button {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    box-shadow: 0 0 0 calc(var(--_kk-focus-width) + 2px) var(--_kk-color-focus-text);
    background: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
  }
  .kk-file__input:disabled + .kk-file__button {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .kk-field--error .kk-file__button {
    border-color: var(--_kk-color-error);
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
  .kk-character-count {
    margin-block: var(--_kk-space-1) 0;
  }
  .kk-character-count--over {
    color: var(--_kk-color-error);
    font-weight: 700;
  }
  .kk-textarea--over {
    border-color: var(--_kk-color-error);
  }
`;
