// Type test, run by `tsc -p packages/felanmalan/tsconfig.json` (never executed): a page author's
// listener gets the typed detail of the widget's public events. Importing the define module is
// what a page does, and what brings the types in.
import type { ReportSubmittedDetail } from '../src/index.js';
import '../src/define.js';

export function listen(): unknown[] {
  const seen: unknown[] = [];
  const widget = document.querySelector('kk-felanmalan')!;

  widget.addEventListener('kk-report-submitted', (e) => {
    const event: CustomEvent<ReportSubmittedDetail> = e;
    const reference: string = e.detail.reference;
    seen.push(event, reference, e.detail.serviceCode);
    // @ts-expect-error the detail has ids only: no personal data such as an e-mail address
    const email: unknown = e.detail.email;
    seen.push(email);
  });

  // The event bubbles and is composed: the document, the window and any element around the
  // widget (e.g. the CMS block) hear it too.
  document.addEventListener('kk-report-submitted', (e) => seen.push(e.detail.reference));
  window.addEventListener('kk-report-submitted', (e) => seen.push(e.detail.serviceCode));
  document.body.addEventListener('kk-report-submitted', (e) => {
    // @ts-expect-error `reference` is a string
    const reference: number = e.detail.reference;
    seen.push(reference);
  });

  return seen;
}
