import { expect } from 'vitest';
import type { Browser } from './http.js';

/** The first `<form>` of a page: where it posts and the values of its radios, with their label text. */
export function readLoginForm(html: string, pageUrl: string): { action: string; persons: { value: string; label: string }[] } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`No form on ${pageUrl}`);
  const persons = [...form[2]!.matchAll(/<input[^>]*type="radio"[^>]*>/gi)].map(([input]) => {
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? '';
    const id = /id="([^"]*)"/.exec(input)?.[1] ?? '';
    const label = new RegExp(`<label[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>`).exec(form[2]!)?.[1] ?? '';
    return { value, label: label.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() };
  });
  return { action: new URL(form[1]!.replace(/&amp;/g, '&'), pageUrl).href, persons };
}

/**
 * Logs in through the real flow, as a browser would: the gateway's login route, the dev
 * identity provider's page (choosing the person whose description matches), and back through
 * the callback. Returns the URL the citizen lands on.
 */
export async function login(browser: Browser, kommun: string, returnUrl: string, person: RegExp): Promise<URL> {
  const { response: page, url: pageUrl } = await browser.follow(`/api/v1/${kommun}/auth/login?return=${encodeURIComponent(returnUrl)}`);
  expect(page.status).toBe(200);
  const form = readLoginForm(await page.text(), pageUrl);
  const chosen = form.persons.find((candidate) => person.test(candidate.label));
  if (!chosen) throw new Error(`No test person matches ${String(person)} among ${form.persons.map((p) => p.label).join(' | ')}`);
  const { response, url } = await browser.follow(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ person: chosen.value }).toString(),
  });
  expect(response.status, `login ended on ${url}`).toBeGreaterThanOrEqual(300);
  return new URL(response.headers.get('location') ?? url, url);
}
