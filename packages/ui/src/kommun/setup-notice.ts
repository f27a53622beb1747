import { ApiError, problemTypes } from '@kommunkit/sdk';
import { EmbeddingError } from '@kommunkit/sdk/embedding';
import { html, type TemplateResult } from 'lit';
import { alert } from '../feedback.js';
import type { HeadingLevel } from '../heading.js';
import { msg, str } from '../localization.js';

/**
 * What a widget shows instead of itself when it cannot work on this page at all, and the one
 * console message that tells the editor what to change where. Loaded only then (the base
 * element imports it after a failure or a missing attribute), so a widget that works never
 * downloads it.
 */

/** What the notice needs of the widget (`KkElement`). */
export interface SetupHost {
  readonly localName: string;
  readonly kommun: string;
  readonly api: string;
  readonly headingLevel: HeadingLevel;
}

/** Why the widget cannot work here. */
export type SetupProblem =
  | { kind: 'missing-kommun' }
  | { kind: 'missing-api' }
  | { kind: 'unknown-kommun'; api: string }
  | { kind: 'origin-not-allowed'; api: string; origin: string | null; name: string | null; configKey: string | null };

/** The problem behind the widget's state: a missing attribute, or what its kommun info call failed with; undefined when the widget can work. */
export function setupProblemOf(host: SetupHost, error: unknown): SetupProblem | undefined {
  if (!host.kommun) return { kind: 'missing-kommun' };
  if (!host.api) return { kind: 'missing-api' };
  if (error instanceof EmbeddingError) {
    const { check, api } = error;
    return error.problem === 'unknown-kommun'
      ? { kind: 'unknown-kommun', api }
      : { kind: 'origin-not-allowed', api, origin: check.origin, name: check.name, configKey: check.configKey };
  }
  // The gateway's 404 for an id it does not know is readable from any page.
  if (error instanceof ApiError && error.type === problemTypes.unknownKommun) return { kind: 'unknown-kommun', api: host.api };
  return undefined;
}

/** For the editor or developer: exactly what to change, and where. In English, as the browser's own console messages are. */
export function editorMessage(host: SetupHost, problem: SetupProblem): string {
  const tag = host.localName;
  const element = `<${tag} kommun="${host.kommun}">`;
  switch (problem.kind) {
    case 'missing-kommun':
      return `kommunkit: <${tag}> has no kommun attribute, so it cannot ask the gateway anything. Set it to the kommun's id, e.g. <${tag} kommun="exempelstad">.`;
    case 'missing-api':
      return `kommunkit: ${element} has no api attribute. Set it to the gateway's base URL, e.g. api="https://e-tjanster.exempelstad.se". The embed script (kommunkit.js) sets it by itself; with the npm package, set it yourself.`;
    case 'unknown-kommun':
      return `kommunkit: ${element}: the kommun id "${host.kommun}" is unknown to the gateway at ${problem.api}. Check the kommun attribute for typing errors; the gateway's operator finds the ids it serves under kommuner[].id in its config.`;
    case 'origin-not-allowed': {
      const where = problem.configKey ?? 'kommuner[].origins';
      const kommun = `kommun "${host.kommun}"${problem.name ? ` (${problem.name})` : ''}`;
      return problem.origin === null
        ? `kommunkit: ${element} cannot call the gateway at ${problem.api}: this page has no origin that a list can hold (it was opened from a file or in a sandboxed frame). Serve it over http(s) from an address on ${where} of ${kommun} in the gateway's config.`
        : `kommunkit: ${element} cannot call the gateway at ${problem.api}: this page's origin "${problem.origin}" is not on the list of ${kommun}. Add "${problem.origin}" to ${where} in the gateway's config and restart the gateway.`;
    }
  }
}

/** Messages already logged on this page: one per problem, however often the widget renders. */
const logged = new Set<string>();

/** The notice for a widget that cannot work here, logging the editor's message once; undefined when it can work. */
export function setupNotice(host: SetupHost, error: unknown): TemplateResult | undefined {
  const problem = setupProblemOf(host, error);
  if (!problem) return undefined;
  const message = editorMessage(host, problem);
  if (!logged.has(message)) {
    logged.add(message);
    console.error(message, host);
  }
  const name = problem.kind === 'origin-not-allowed' ? problem.name : null;
  const reason =
    problem.kind === 'origin-not-allowed'
      ? msg('Den här webbsidan finns ännu inte med bland sidorna där kommunen har slagit på tjänsten, så den går inte att använda här.')
      : problem.kind === 'unknown-kommun'
        ? msg('Sidan anger en kommun som tjänsten inte känner till, så den går inte att använda här.')
        : msg('Sidan saknar uppgifter som tjänsten behöver, så den går inte att använda här.');
  return alert({
    tone: 'warning',
    title: msg('Tjänsten är inte inställd för den här sidan'),
    headingLevel: host.headingLevel,
    body: html`<p>${reason}</p>
      <p>
        ${name
          ? msg(str`Du kan kontakta ${name} på annat sätt i stället, till exempel via telefon, e-post eller kommunens kontaktcenter.`)
          : msg('Du kan kontakta kommunen på annat sätt i stället, till exempel via telefon, e-post eller kommunens kontaktcenter.')}
      </p>
      <p class="kk-hint">${msg('Är du webbredaktör? I webbläsarens konsol står vad som behöver ändras.')}</p>`,
  });
}
