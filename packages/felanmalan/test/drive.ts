import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KkFelanmalan } from '../src/index.js';
import '../src/define.js';
import { api, seedDraft } from './support.js';

/** Driving `<kk-felanmalan>` through its DOM, as a citizen would, for the component tests of logged-in use, editing and the confirmation. */
export const root = (el: KkFelanmalan): ShadowRoot => el.shadowRoot!;
export const text = (element: Element | ShadowRoot | null | undefined): string => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
export const byId = (el: KkFelanmalan, id: string): HTMLInputElement => root(el).getElementById(id) as HTMLInputElement;
export const textareaOf = (el: KkFelanmalan, id: string): HTMLTextAreaElement => root(el).getElementById(id) as HTMLTextAreaElement;
export const active = (el: KkFelanmalan): HTMLElement | null => root(el).activeElement as HTMLElement | null;
export const buttonNamed = (el: KkFelanmalan, name: string): HTMLButtonElement | undefined =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === name);
/** The text of the heading that has (or last took) the page's focus role. */
export const heading = (el: KkFelanmalan): string => text(root(el).querySelector('[data-kk-focus-target]'));
export const headings = (el: KkFelanmalan): string[] => [...root(el).querySelectorAll('h2, h3, h4, h5, h6')].map(text);

export async function render(kommun: string, attributes: { view?: string; reference?: string } = {}): Promise<KkFelanmalan> {
  return fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun=${kommun} view=${attributes.view ?? 'anmal'} reference=${attributes.reference ?? ''}></kk-felanmalan>`);
}

/** Waits until `check` holds, naming what did not happen. */
export const until = (check: () => unknown, what: string, timeout = 5000): Promise<void> => waitUntil(check, what, { timeout });

/** Presses the button named `name` and waits for the update. */
export async function press(el: KkFelanmalan, name: string): Promise<void> {
  const found = buttonNamed(el, name);
  if (!found) throw new Error(`no button "${name}" (buttons: ${[...root(el).querySelectorAll('button')].map(text).join(' | ')})`);
  found.click();
  await el.updateComplete;
}

/** Types into a field as a citizen would (input events), then leaves it. */
export async function fill(el: KkFelanmalan, id: string, value: string): Promise<void> {
  const field = root(el).getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.blur();
  await el.updateComplete;
}

export const checkTitle = 'Kontrollera din anmälan';
export const thanks = 'Tack! Din felanmälan är skickad';

/** A draft on check answers, so a test starts where a reload would put it; waits for the page. */
export async function atCheck(kommun: string, answers: Record<string, unknown> = {}): Promise<KkFelanmalan> {
  seedDraft(kommun, { serviceCode: 'klotter', address: 'Torget', description: 'Klotter på muren', ...answers }, ['category', 'place', 'details', 'contact', 'check']);
  const el = await render(kommun);
  await until(() => heading(el) === checkTitle, 'the draft was not restored on check answers');
  return el;
}

/** "Skicka anmälan", then the confirmation's reference number. */
export async function send(el: KkFelanmalan): Promise<string> {
  await press(el, 'Skicka anmälan');
  await until(() => heading(el) === thanks, 'the confirmation did not show', 10000);
  return text(root(el).querySelector('.kk-panel__reference'));
}

/** The element created anew on the same page, as after a reload of the page (this tab's sessionStorage kept). */
export async function reload(el: KkFelanmalan, kommun: string, attributes: { view?: string; reference?: string } = {}): Promise<KkFelanmalan> {
  el.remove();
  return render(kommun, attributes);
}

/** Presses Tab until `match` has focus (keyboard only, like a citizen), at most `max` times. */
export async function tabTo(el: KkFelanmalan, match: (element: HTMLElement) => boolean, max = 25): Promise<HTMLElement> {
  for (let i = 0; i < max; i += 1) {
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const focused = active(el);
    if (focused && match(focused)) return focused;
  }
  throw new Error(`focus never reached the element (last: ${active(el)?.outerHTML.slice(0, 80) ?? 'none'})`);
}
