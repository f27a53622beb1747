import { expect, type Locator, type Page } from '@playwright/test';
import axe from 'axe-core';
import type { testPersons } from '../packages/gateway/src/dev-idp/persons.js';

/** Moves focus with Tab (at most `limit` presses) until `target` has it: keyboard only, no clicks. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Collects the page's Content-Security-Policy violations from its first script on; call before `goto`. */
export async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${String(event.lineNumber)}`);
    });
  });
  return violations;
}

/** On the category page: into the radio group by Tab, the arrow keys to `name`, then "Fortsätt" by Tab and Enter. */
export async function chooseCategoryByKeyboard(page: Page, widget: Locator, name: RegExp): Promise<void> {
  const category = widget.getByRole('radio', { name });
  await tabTo(page, widget.getByRole('radio').first());
  for (let press = 0; press < 10 && !(await category.isChecked()); press += 1) await page.keyboard.press('ArrowDown');
  if (!(await category.isChecked())) throw new Error(`the arrow keys never reached ${String(name)}`);
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');
}

/** Logs `page` in as `person` on the demo site, through the dev identity provider's login page. */
export async function logIn(page: Page, person: (typeof testPersons)[number]): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('radio', { name: person.description }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText(`Inloggad som ${person.givenName} ${person.familyName}.`)).toBeVisible();
}

/**
 * axe's WCAG 2.2 AA violations on the page, shadow roots included; with `only`, on the elements
 * it selects alone (e.g. the widgets, when the host page's own markup is not ours to judge).
 */
export async function axeViolations(page: Page, only?: string): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(selector ? { include: [[selector]] } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, only);
}
