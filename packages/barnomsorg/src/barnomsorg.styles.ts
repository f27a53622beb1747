import { css } from 'lit';

/** Only the widget's own rules; the host reset and the shared parts' styles come from @kommunkit/ui. */
export const barnomsorgStyles = css`
  .kk-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kk-space-s, 0.5rem);
    margin-block: var(--kk-space-m, 1rem);
  }
  /* GOV.UK's warning text: said once, not an interruption (the start date before the guarantee). */
  .kk-warning-text {
    display: flex;
    gap: var(--kk-space-s, 0.5rem);
    align-items: flex-start;
    margin-block: var(--kk-space-m, 1rem);
  }
  .kk-warning-text__icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    background: var(--kk-color-text, #0b0c0c);
    color: var(--kk-color-background, #fff);
    font-weight: bold;
  }
  .kk-bo-ranked,
  .kk-bo-units {
    list-style: none;
    margin: 0 0 var(--kk-space-m, 1rem);
    padding: 0;
  }
  .kk-bo-ranked {
    counter-reset: rank;
  }
  .kk-bo-ranked__item {
    counter-increment: rank;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--kk-space-s, 0.5rem);
    padding-block: var(--kk-space-s, 0.5rem);
    border-bottom: 1px solid var(--kk-color-border, #b1b4b6);
  }
  .kk-bo-ranked__name::before {
    content: counter(rank) '. ';
    font-weight: bold;
  }
  .kk-bo-ranked__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kk-space-s, 0.5rem);
    align-items: center;
  }
  .kk-bo-ranked-heading:focus {
    outline: 3px solid var(--kk-color-focus, #fd0);
  }
  .kk-bo-unit {
    border-top: 1px solid var(--kk-color-border, #b1b4b6);
    padding-block: var(--kk-space-m, 1rem);
  }
  .kk-bo-unit:focus {
    outline: 3px solid var(--kk-color-focus, #fd0);
  }
  .kk-bo-facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: var(--kk-space-s, 0.5rem);
    margin: 0 0 var(--kk-space-m, 1rem);
  }
  .kk-bo-facts dt {
    font-weight: bold;
  }
  .kk-bo-facts dd {
    margin: 0;
  }
  .kk-bo-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--kk-space-m, 1rem);
  }
  .kk-bo-fee {
    margin-block: var(--kk-space-m, 1rem);
  }
  .kk-bo-fee__amount strong {
    display: block;
    font-size: 1.5em;
  }
  .kk-bo-summary-units {
    margin: 0;
    padding-inline-start: 1.25em;
  }
`;
