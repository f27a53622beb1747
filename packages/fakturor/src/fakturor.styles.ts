import { css } from 'lit';

/** The list's filters, side by side where there is room. */
export const fakturorStyles = css`
  .kk-fa-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_kk-space-6);
    align-items: flex-end;
  }
`;
