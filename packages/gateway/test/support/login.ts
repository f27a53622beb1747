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
 * Goes through the real flow as a browser would, up to the gateway's callback: the gateway's
 * login route, the dev identity provider's page (choosing the person whose description
 * matches), and its redirects. Returns the callback URL, not yet requested.
 */
export async function loginUntilCallback(browser: Browser, kommun: string, returnUrl: string, person: RegExp): Promise<string> {
  const { response: page, url: pageUrl } = await browser.follow(`/api/v1/${kommun}/auth/login?return=${encodeURIComponent(returnUrl)}`);
  expect(page.status).toBe(200);
  const form = readLoginForm(await page.text(), pageUrl);
  const chosen = form.persons.find((candidate) => person.test(candidate.label));
  if (!chosen) throw new Error(`No test person matches ${String(person)} among ${form.persons.map((p) => p.label).join(' | ')}`);
  let url = form.action;
  let response = await browser.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ person: chosen.value }).toString(),
  });
  for (let hop = 0; hop < 10; hop += 1) {
    expect(response.status, `login stopped at ${url}`).toBeGreaterThanOrEqual(300);
    expect(response.status, `login stopped at ${url}`).toBeLessThan(400);
    url = new URL(response.headers.get('location') ?? '', url).href;
    if (new URL(url).pathname === `/api/v1/${kommun}/auth/callback`) return url;
    response = await browser.fetch(url);
  }
  throw new Error(`No callback after 10 redirects from ${form.action}`);
}

/**
 * Logs in through the real flow, as a browser would (see `loginUntilCallback`), and back
 * through the callback. Returns the URL the citizen lands on.
 */
export async function login(browser: Browser, kommun: string, returnUrl: string, person: RegExp): Promise<URL> {
  const callback = await loginUntilCallback(browser, kommun, returnUrl, person);
  const response = await browser.fetch(callback);
  expect(response.status, `login ended on ${callback}`).toBe(302);
  return new URL(response.headers.get('location') ?? callback, callback);
}
