import { css } from 'lit';

/** The overview's and the application page's own rules (the rows are ui's list/detail styles). */
export const overviewStyles = css`
  .kk-bo-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-3);
    margin-block: var(--_kk-space-4) var(--_kk-space-5);
  }
  .kk-bo-section {
    margin-block-end: var(--_kk-space-5);
  }
  .kk-bo-inset {
    padding: var(--_kk-space-3) var(--_kk-space-4);
    margin-block: var(--_kk-space-4);
    border-inline-start: 5px solid var(--_kk-color-border-subtle);
  }
  .kk-bo-inset--action {
    border-inline-start-color: var(--_kk-color-primary);
  }
  .kk-bo-next {
    margin-block-start: var(--_kk-space-1);
  }
  .kk-bo-next--action {
    color: var(--_kk-color-text);
    font-weight: 700;
  }
  .kk-bo-units {
    margin: 0 0 var(--_kk-space-4);
    padding-inline-start: var(--_kk-space-5);
  }
  .kk-bo-messages {
    list-style: none;
    margin: 0 0 var(--_kk-space-5);
    padding: 0;
  }
  .kk-bo-message {
    padding: var(--_kk-space-3) var(--_kk-space-4);
    margin-block-end: var(--_kk-space-3);
    border-inline-start: 4px solid var(--_kk-color-border-subtle);
  }
  .kk-bo-message--kommun {
    border-inline-start-color: var(--_kk-color-primary);
    background: var(--_kk-color-surface);
  }
  .kk-bo-message__meta {
    margin: 0 0 var(--_kk-space-1);
    color: var(--_kk-color-text-secondary);
  }
  .kk-bo-message__text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;
