import { formatPersonnummer, type TestPerson } from './persons.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * Headers for the pages below: no script at all, styles only from the IdP's own stylesheet,
 * never framed. No `form-action`: browsers apply it to the redirects after the form is posted
 * too, and those end on the kommun's pages, which may be on another origin.
 */
export const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

const htmlDocument = (title: string, stylesheet: string | undefined, body: string): string => `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>${stylesheet ? `\n  <link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : ''}
</head>
<body>
  <main>
${body}
  </main>
</body>
</html>`;

export interface LoginPageOptions {
  persons: readonly TestPerson[];
  /** Where the chosen person is posted (`person=<id>`). */
  action: string;
  /** Where "Avbryt" posts. */
  abortAction: string;
  /** The page's stylesheet, served by the IdP itself. */
  stylesheet: string;
  /** The service the person logs in to. */
  clientName: string;
  /** A message shown above the form (the last post chose no known person). */
  error?: string;
}

/**
 * The test identity provider's login page: pick a test person, as in a BankID test app.
 * A native form (radios in a fieldset, a submit button), so it works by keyboard alone and
 * under a strict CSP; the first person is preselected, so Enter logs in at once.
 */
export function loginPage({ persons, action, abortAction, stylesheet, clientName, error }: LoginPageOptions): string {
  const choices = persons
    .map(
      (person, index) => `
          <li class="person">
            <input type="radio" name="person" id="person-${String(index)}" value="${escapeHtml(person.id)}"${index === 0 ? ' checked' : ''}>
            <label for="person-${String(index)}">
              <strong>${escapeHtml(`${person.givenName} ${person.familyName}`)}</strong>
              <span class="pnr">${escapeHtml(formatPersonnummer(person.personnummer))}</span>
              <span>${escapeHtml(person.description)}</span>
            </label>
          </li>`,
    )
    .join('');
  return htmlDocument(
    'Testinloggning – e-legitimation',
    stylesheet,
    `    <h1>Testinloggning</h1>
    <p class="notice">Det här är en testmiljö för e-legitimation, inte BankID eller Freja. Välj en testperson för att logga in hos ${escapeHtml(clientName)}.</p>
${error ? `    <p class="error" role="alert">${escapeHtml(error)}</p>\n` : ''}    <form method="post" action="${escapeHtml(action)}">
      <fieldset>
        <legend>Välj testperson</legend>
        <ul class="persons">${choices}
        </ul>
      </fieldset>
      <button type="submit">Logga in</button>
    </form>
    <form method="post" action="${escapeHtml(abortAction)}">
      <button type="submit" class="secondary">Avbryt</button>
    </form>`,
  );
}

/** A page for a login that cannot go on (expired, already used, or opened in another tab). */
export function errorPage(message: string, stylesheet?: string): string {
  return htmlDocument(
    'Inloggningen kunde inte slutföras',
    stylesheet,
    `    <h1>Inloggningen kunde inte slutföras</h1>
    <p>Gå tillbaka till sidan du kom från och logga in igen.</p>
    <p class="detail">Orsak: ${escapeHtml(message)}</p>`,
  );
}

export const loginCss = `body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #f3f2f1; }
main { max-width: 36rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border: 1px solid #c9c9c9; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
.notice { background: #fff4d6; padding: 0.5rem 1rem; border-left: 5px solid #7a4b00; }
.error { color: #b3261e; font-weight: 700; border-left: 5px solid #b3261e; padding-left: 0.75rem; }
.detail { color: #4a4a4a; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
legend { font-weight: 700; font-size: 1.25rem; margin-bottom: 0.5rem; }
.persons { list-style: none; margin: 0; padding: 0; }
.person { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.5rem 0; border-bottom: 1px solid #e0e0e0; }
.person input { width: 1.5rem; height: 1.5rem; margin-top: 0.2rem; flex: none; }
.person label { cursor: pointer; }
.person label span { display: block; color: #4a4a4a; }
.pnr { font-variant-numeric: tabular-nums; letter-spacing: 0.03em; }
button { font: inherit; font-weight: 700; background: #005595; color: #fff; border: 2px solid #005595; border-radius: 4px; padding: 0.6rem 1.2rem; cursor: pointer; margin-top: 0.5rem; }
button.secondary { background: #fff; color: #1b1b1b; border-color: #6f6f6f; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffbf47; }
@media (forced-colors: active) { :focus-visible { outline-color: Highlight; } }
`;
