import { css, unsafeCSS } from 'lit';

/**
 * Design tokens and their defaults. Every token is a public `--kk-<name>` custom property: a
 * kommun overrides it on the widget element or on any ancestor (for example `:root`). Values
 * resolve in this order: the page's `--kk-<name>`, then the kommun's theme from the gateway
 * config (`--kk-config-<name>`, set by the widget), then the default. Widgets read the private
 * `--_kk-<name>` copy that the host resolves once, so a token is looked up in one place.
 */
export const tokenDefaults = {
  'color-primary': '#005595',
  'color-primary-hover': '#003e6e',
  'color-on-primary': '#ffffff',
  'color-text': '#1b1b1b',
  'color-text-secondary': '#4a4a4a',
  'color-background': '#ffffff',
  'color-surface': '#f3f2f1',
  'color-border': '#6f6f6f',
  'color-border-subtle': '#c9c9c9',
  'color-link': '#005595',
  'color-error': '#b3261e',
  'color-success': '#0b6b3a',
  'color-warning': '#7a4b00',
  'color-warning-surface': '#fff4d6',
  'color-info-surface': '#e8f1f8',
  'color-success-surface': '#e6f4ea',
  'color-error-surface': '#fdecea',
  'color-focus': '#ffbf47',
  'color-focus-text': '#0b0c0c',
  'font-size': 'medium',
  'line-height': '1.5',
  'space-1': '0.25em',
  'space-2': '0.5em',
  'space-3': '0.75em',
  'space-4': '1em',
  'space-5': '1.5em',
  'space-6': '2em',
  'radius': '4px',
  'border-width': '2px',
  'focus-width': '3px',
  'max-width': '40em',
} as const;

export type TokenName = keyof typeof tokenDefaults;

const isToken = (name: string): name is TokenName => Object.hasOwn(tokenDefaults, name);

/**
 * Applies a kommun's theme from the gateway config to a widget, below anything the page sets.
 * Through the CSSOM, which a strict CSP allows; unknown token names are ignored.
 */
export function applyConfigTheme(host: HTMLElement, theme: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(theme)) if (isToken(name)) host.style.setProperty(`--kk-config-${name}`, value);
}

const declarations = Object.entries(tokenDefaults)
  .map(([name, value]) => `--_kk-${name}: var(--kk-${name}, var(--kk-config-${name}, ${value}));`)
  .join('\n');

/**
 * Host rules every widget starts from. The `!important` declarations matter: for important
 * rules the shadow tree wins over the page, so a host page's `* { all: unset }` or
 * `display: none !important` cannot restyle the widget, while normal `--kk-*` values from the
 * page still flow in. The font is inherited from the page on purpose, and sizes are set in
 * `em` of a `medium` base so a page's `html { font-size: 62.5% }` leaves the widget readable.
 */
export const tokenStyles = css`
  :host {
    ${unsafeCSS(declarations)}
    all: initial !important;
    display: block !important;
    box-sizing: border-box !important;
    /* Undefined, this is invalid at computed-value time and so inherits the page's font. */
    font-family: var(--kk-font-family) !important;
    font-size: var(--_kk-font-size) !important;
    line-height: var(--_kk-line-height) !important;
    color: var(--_kk-color-text) !important;
    text-align: start !important;
    /*
     * The widgets' languages (sv, en) are written left to right: on a dir="rtl" page their
     * punctuation and layout must not mirror ("?Vad vill du anmäla"). \`all\` leaves direction
     * to the page, so it is set here; an rtl locale would set its own.
     */
    direction: ltr !important;
    max-inline-size: var(--_kk-max-width) !important;
    /* A long unbroken word (a pasted link, a hostile text) wraps instead of widening the page. */
    overflow-wrap: anywhere !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;
