import { css } from 'lit';

/** The occurrence lists of the preview and of earlier requests. */
export const seasonStyles = css`
  .kk-lb-occurrences,
  .kk-lb-requests {
    list-style: none;
    margin: 0 0 var(--_kk-space-5);
    padding: 0;
  }
  .kk-lb-occurrence {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-1) var(--_kk-space-3);
    padding-block: var(--_kk-space-2);
    border-block-end: 1px solid var(--_kk-color-border-subtle);
  }
  .kk-lb-occurrence__when {
    font-weight: 700;
  }
  .kk-lb-occurrence--conflict .kk-lb-occurrence__note {
    color: var(--_kk-color-error);
    font-weight: 700;
  }
  .kk-lb-request {
    margin-block-end: var(--_kk-space-5);
  }
  .kk-lb-preview,
  .kk-lb-season-requests,
  .kk-lb-terms {
    margin-block: var(--_kk-space-5);
  }
`;
