import { css } from 'lit';

/** The calendar feed's and the cancellation's rules (the pager's are the element's, for the find page's pager too). */
export const mineStyles = css`
  .kk-lb-feed,
  .kk-lb-cancel {
    margin-block: var(--_kk-space-5);
  }
  .kk-lb-feed .kk-input {
    inline-size: 100%;
    font-family: monospace;
  }
  .kk-lb-copied {
    align-self: center;
    font-weight: 700;
  }
`;
