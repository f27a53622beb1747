import { html, type CSSResult, type TemplateResult } from 'lit';
import { encode } from 'uqr';

/*
 * The payment QR code, a chunk of its own (the QR encoder is most of it): the UsingQR payload's
 * modules as one SVG path, drawn by a Lit template, so no inline style or markup string
 * is needed under the strict CSP. The quiet zone is the SVG's margin (4 modules, as the
 * standard asks).
 */

const quiet = 4;

/** The path of the dark modules, one unit square each, at the quiet zone's offset. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  let d = '';
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }),
  );
  return d;
}

/** The modules of `payload` (error correction M, which bank apps read off paper and screens alike). */
export const qrMatrix = (payload: string): boolean[][] => encode(payload, { ecc: 'M', border: 0 }).data;

/** The QR code of `payload` as an SVG image named `label`. */
export function render(payload: string, label: string): TemplateResult {
  const matrix = qrMatrix(payload);
  const size = matrix.length + 2 * quiet;
  return html`<svg part="qr" class="kk-fa-qr__code" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg"><path d=${qrPath(matrix)} /></svg>`;
}

/** Its sizing is in the invoice's styles. */
export const styles: CSSResult[] = [];
