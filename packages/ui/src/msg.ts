import type { LocaleModule, msg as litMsg } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
export { str } from '@lit/localize/internal/str-tag.js';

/*
 * lit-localize's runtime (`configureLocalization`) can be configured once per page, and a host
 * app that uses lit-localize itself has done so; configuring it again throws and the widget is
 * never defined. So kommunkit keeps its own translations (here) and active locale
 * (`localization.ts`) and looks messages up with lit-localize's own lookup. The lit-localize
 * tools find `msg` and `str` by their types, so extraction works with these as with
 * lit-localize's. A second copy of kommunkit on the page keeps its own, as it keeps its own
 * elements. This module has no DOM in it, so rules modules that the gateway's tests share can
 * import it (`@kommunkit/ui/msg`).
 */
let templates: LocaleModule['templates'] | undefined;

/** The widgets' `msg`: lit-localize's, looked up in kommunkit's active translations. */
export const msg: typeof litMsg = ((template: Parameters<typeof litMsg>[0], options?: Parameters<typeof litMsg>[1]) =>
  runtimeMsg(templates, template, options)) as typeof litMsg;

/** Makes `next` the translations `msg` answers from (none: the Swedish source). */
export function useTemplates(next: LocaleModule['templates'] | undefined): void {
  templates = next;
}
