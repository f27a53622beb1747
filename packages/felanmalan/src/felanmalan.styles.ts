import { css } from 'lit';

/** The widget's own styles, after `uiStyles` and `formStyles`. Colours and spaces come from the `--kk-*` tokens. */
export const felanmalanStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_kk-max-width);
  }
  :host([hidden]) {
    display: none;
  }
  .kk-group-heading {
    font-size: 1.1875em;
    margin: var(--_kk-space-4) 0 var(--_kk-space-2);
  }
  .kk-map {
    block-size: var(--kk-felanmalan-map-height, 20em);
    margin-block: 0 var(--_kk-space-4);
    border: 2px solid currentColor;
    border-radius: var(--_kk-radius);
  }
  .kk-map:focus-visible {
    outline: 3px solid var(--_kk-color-focus);
    outline-offset: 0;
  }
  .kk-map-attribution {
    margin-block-start: var(--_kk-space-1);
    font-size: 0.875em;
    color: var(--_kk-color-text-secondary);
  }
  .kk-map-pin {
    background: none;
    border: 0;
  }
  .kk-map-pin__dot {
    display: block;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50% 50% 50% 0;
    background: var(--_kk-color-primary);
    border: 2px solid #fff;
    box-sizing: border-box;
    transform: rotate(-45deg);
  }
  .kk-position {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-2);
    align-items: center;
    margin-block: 0 var(--_kk-space-4);
  }
  .kk-position p {
    margin: 0;
  }
  .kk-photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
    gap: var(--_kk-space-4);
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_kk-space-4);
  }
  .kk-photos img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    margin-block-end: var(--_kk-space-2);
  }
  .kk-nearby {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_kk-space-4);
  }
  .kk-nearby > li {
    border-inline-start: 4px solid var(--_kk-color-border-subtle);
    padding-inline-start: var(--_kk-space-4);
    margin-block-end: var(--_kk-space-4);
  }
  .kk-nearby p {
    margin: var(--_kk-space-1) 0;
  }
  .kk-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kk-space-4);
    align-items: center;
    margin-block-start: var(--_kk-space-4);
  }
  .kk-privacy {
    margin-block: 0 var(--_kk-space-4);
  }
`;
