import { css } from 'lit';

/**
 * The map's own parts, adopted with Leaflet's stylesheet (`map.ts`), so they load only with the
 * map: the crosshair that shows where Enter puts the pin, and the zoom buttons.
 */
export const mapStyles = css`
  .kk-map-crosshair {
    display: none;
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    inline-size: 2.5em;
    block-size: 2.5em;
    margin: -1.25em 0 0 -1.25em;
    z-index: 650;
    pointer-events: none;
    background:
      linear-gradient(currentColor, currentColor) center / 3px 100% no-repeat,
      linear-gradient(currentColor, currentColor) center / 100% 3px no-repeat;
    color: var(--_kk-color-text);
    filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff);
  }
  .kk-map:focus-visible .kk-map-crosshair {
    display: block;
  }
  .kk-map-zoom {
    /* The widget's own size, not Leaflet's 0.75rem: a page's root font size (even 6px) must not shrink the 44 px targets. */
    font-size: var(--_kk-font-size);
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .kk-map-zoom__button {
    inline-size: 1.8333em;
    block-size: 1.8333em;
    padding: 0;
    border: 2px solid var(--_kk-color-border);
    border-radius: var(--_kk-radius);
    background: var(--_kk-color-surface);
    color: var(--_kk-color-text);
    font: inherit;
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1;
    cursor: pointer;
  }
  .kk-map-zoom__button:hover {
    background: var(--_kk-color-info-surface);
  }
  .kk-map-zoom__button:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    background: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
  }
`;
