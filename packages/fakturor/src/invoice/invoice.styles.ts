import { css } from 'lit';

/** An open invoice: its lines table, the copy fields, the QR code. */
export const invoiceStyles = css`
  .kk-fa-table-wrap {
    overflow-x: auto;
  }
  .kk-fa-table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: var(--_kk-space-4);
  }
  .kk-fa-table th,
  .kk-fa-table td {
    padding: var(--_kk-space-2);
    border-block-end: 1px solid var(--_kk-color-border-subtle);
    text-align: start;
    vertical-align: top;
  }
  .kk-fa-table .kk-fa-num {
    text-align: end;
    white-space: nowrap;
  }
  .kk-fa-sub {
    display: block;
    font-weight: 400;
    color: var(--_kk-color-text-secondary);
  }
  .kk-fa-copy__row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-2);
    align-items: center;
  }
  .kk-fa-copy__value {
    font-family: monospace;
    max-inline-size: 20em;
  }
  .kk-fa-copied {
    font-weight: 700;
  }
  .kk-fa-qr svg {
    display: block;
    inline-size: 12em;
    block-size: 12em;
    background: #fff;
  }
  .kk-fa-qr path {
    fill: #000;
  }
  .kk-fa-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-3);
    margin-block: var(--_kk-space-4);
  }
  .kk-fa-pay,
  .kk-fa-form {
    margin-block: var(--_kk-space-5);
  }
`;
