import { css } from 'lit';

/** Only the widget's own rules; the host reset and the shared parts' styles come from @kommunkit/ui. */
export const lokalbokningStyles = css`
  .kk-lok-results {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .kk-lok-result {
    border-top: 1px solid var(--kk-color-border, #b1b4b6);
    padding-block: var(--kk-space-m, 1rem);
  }
  .kk-lok-facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: var(--kk-space-s, 0.5rem);
    margin: 0 0 var(--kk-space-m, 1rem);
  }
  .kk-lok-facts dt {
    font-weight: bold;
  }
  .kk-lok-facts dd {
    margin: 0;
  }
  /* The results map (its Leaflet parts come with the map's chunk). */
  .kk-lok-map:not([hidden]) {
    margin-block-end: var(--kk-space-m, 1rem);
  }
  .kk-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
