import { formatPersonnummer, testPersons } from './persons.js';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The test identity provider's login page: pick a test person, as in a BankID test app.
 * Plain HTML with a stylesheet of its own, no script, so it works under the strictest CSP.
 */
export function loginPage({ action, clientName, error }: { action: string; clientName: string; error?: string }): string {
  const persons = testPersons
    .map(
      (person, index) => `
        <div class="person">
          <input type="radio" name="person" id="person-${String(index)}" value="${escape(person.id)}"${index === 0 ? ' checked' : ''}>
          <label for="person-${String(index)}">
            <strong>${escape(`${person.givenName} ${person.familyName}`)}</strong>
            <span>${escape(formatPersonnummer(person.personnummer))}</span>
            <span>${escape(person.description)}</span>
          </label>
        </div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Logga in – testinloggning</title>
  <link rel="stylesheet" href="${escape(action.replace(/\/interaction\/.*$/, '/login.css'))}">
</head>
<body>
  <main>
    <h1>Testinloggning</h1>
    <p class="notice">Det här är en testmiljö för e-legitimation. Välj en testperson för att logga in hos ${escape(clientName)}.</p>
    ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
    <form method="post" action="${escape(action)}">
      <fieldset>
        <legend>Välj testperson</legend>
        ${persons}
      </fieldset>
      <button type="submit">Logga in</button>
    </form>
    <form method="post" action="${escape(action.replace(/\/login$/, '/abort'))}">
      <button type="submit" class="secondary">Avbryt</button>
    </form>
  </main>
</body>
</html>`;
}

export const loginCss = `
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1b1b1b; background: #f3f2f1; }
main { max-width: 36rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border: 1px solid #c9c9c9; }
.notice { background: #fff4d6; padding: 0.5rem 1rem; border-left: 5px solid #7a4b00; }
.error { color: #b3261e; font-weight: 700; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
legend { font-weight: 700; font-size: 1.25rem; margin-bottom: 0.5rem; }
.person { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.5rem 0; border-bottom: 1px solid #e0e0e0; }
.person input { width: 1.5rem; height: 1.5rem; margin-top: 0.2rem; }
.person label span { display: block; color: #4a4a4a; }
button { font: inherit; font-weight: 700; background: #005595; color: #fff; border: 0; border-radius: 4px; padding: 0.6rem 1.2rem; cursor: pointer; margin-top: 0.5rem; }
button.secondary { background: #f3f2f1; color: #1b1b1b; border: 2px solid #6f6f6f; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;
