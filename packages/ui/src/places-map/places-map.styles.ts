import { css } from 'lit';

/**
 * The results map's own parts, adopted after Leaflet's stylesheet when a map is made, so they
 * load only with it: the frame, the markers (pins drawn in CSS, no images), their focus, and
 * the zoom buttons (made as elements: Leaflet's own write HTML strings).
 */
export const placesMapStyles = css`
  .kk-places-map {
    block-size: var(--kk-places-map-height, 24em);
    margin-block: 0 var(--_kk-space-1);
    border: 2px solid currentColor;
    border-radius: var(--_kk-radius);
  }
  .kk-places-map:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
  }
  .kk-places-map-attribution {
    margin-block: 0 var(--_kk-space-4);
    font-size: 0.875em;
    color: var(--_kk-color-text-secondary);
  }
  .kk-places-map-pin {
    background: none;
    border: 0;
    border-radius: 50%;
    cursor: pointer;
  }
  .kk-places-map-pin__dot {
    display: block;
    inline-size: 28px;
    block-size: 28px;
    border-radius: 50% 50% 50% 0;
    background: var(--_kk-color-primary);
    border: 2px solid #fff;
    box-sizing: border-box;
    transform: rotate(-45deg);
  }
  .kk-places-map-pin:focus-visible {
    outline: none;
  }
  .kk-places-map-pin:focus-visible .kk-places-map-pin__dot,
  .kk-places-map-pin:hover .kk-places-map-pin__dot {
    background: var(--_kk-color-focus);
    border-color: var(--_kk-color-focus-text);
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus-text);
  }
  .kk-places-map-zoom {
    /* The widget's own size, not Leaflet's 0.75rem: a page's root font size must not shrink the targets. */
    font-size: var(--_kk-font-size);
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .kk-places-map-zoom__button {
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
  .kk-places-map-zoom__button:hover {
    background: var(--_kk-color-info-surface);
  }
  .kk-places-map-zoom__button:focus-visible {
    outline: var(--_kk-focus-width) solid var(--_kk-color-focus);
    outline-offset: 0;
    background: var(--_kk-color-focus);
    color: var(--_kk-color-focus-text);
  }
`;
