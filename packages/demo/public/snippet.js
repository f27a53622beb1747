// The snippet builder: the chosen options become the snippet, a live preview and a copy button, and
// the kommun id and the site's address are checked against the gateway (GET /api/v1/embedding).
// Everything an editor types reaches the page as text or as an escaped attribute value, never as markup.

const form = document.querySelector('[data-builder]');
const code = document.querySelector('[data-snippet]');
const preview = document.querySelector('[data-preview]');
const fallbackPreview = document.querySelector('[data-fallback-preview]');
const copyStatus = document.querySelector('[data-copy-status]');
const checkPanel = document.querySelector('[data-check]');
const summary = document.querySelector('[data-error-summary]');
const summaryList = document.querySelector('[data-error-list]');
const loader = document.querySelector('script[src$="/kommunkit/v1/kommunkit.js"]')?.src ?? '';
// The loader lives at <gateway>/kommunkit/v1/kommunkit.js, so the gateway is two levels up.
const gateway = loader ? new URL('../../', loader).href : `${window.location.origin}/`;
const pageTitle = document.title;

/** The contract's kommun id pattern (`KommunId` in @kommunkit/contract). */
const kommunIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const checkTimeoutMs = 10_000;

/** HTML-escapes text for an attribute value in double quotes. */
function escapeAttribute(value) {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** HTML-escapes text for element content. */
function escapeText(value) {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A DOM element with text children only (strings become text nodes). */
function element(tag, { className, ...attributes } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function paragraphs(text) {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The site's origin from what the editor typed: `www.exempelstad.se/trafik` → `https://www.exempelstad.se`. */
function parseSite(text) {
  if (!text) return { origin: null };
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: 'Skriv webbplatsens adress som en webbadress, till exempel https://www.exempelstad.se.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'Skriv en webbadress som börjar med https://, till exempel https://www.exempelstad.se.' };
  }
  if (url.username || url.password) return { error: 'Skriv webbplatsens adress utan användarnamn och lösenord.' };
  return { origin: url.origin, trimmed: text.replace(/\/$/, '') !== url.origin };
}

function readForm() {
  const data = new FormData(form);
  const siteText = String(data.get('site') ?? '').trim();
  return {
    tag: String(data.get('service')),
    kommun: String(data.get('kommun') ?? '')
      .trim()
      .toLowerCase(),
    site: parseSite(siteText),
    level: String(data.get('heading-level') ?? '2'),
    lang: String(data.get('lang') ?? ''),
    fallback: paragraphs(String(data.get('fallback') ?? '')),
  };
}

/** The form's own errors, before asking the gateway. */
function validate(values) {
  const errors = [];
  if (!values.kommun) errors.push({ field: 'kommun', text: 'Fyll i kommunens id, till exempel exempelstad.' });
  else if (!kommunIdPattern.test(values.kommun)) {
    errors.push({
      field: 'kommun',
      text: 'Kommunens id kan bara innehålla bokstäverna a–z (inte å, ä eller ö), siffror och bindestreck, till exempel exempelstad.',
    });
  }
  if (values.site.error) errors.push({ field: 'site', text: values.site.error });
  return errors;
}

function attributes(values) {
  return [
    ['kommun', values.kommun],
    ...(values.level !== '2' ? [['heading-level', values.level]] : []),
    ...(values.lang ? [['lang', values.lang]] : []),
  ];
}

/** The snippet as an editor pastes it: every value escaped, so what is typed stays text. */
function snippet(values) {
  const open = `<${values.tag}${attributes(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}>`;
  const inside = values.fallback.length ? `\n${values.fallback.map((text) => `  <p>${escapeText(text)}</p>`).join('\n')}\n` : '';
  return `<script type="module" src="${escapeAttribute(loader)}"></script>\n${open}${inside}</${values.tag}>`;
}

// ---- The check against the gateway ----

/** The latest check: `{ key, state: 'pending' | 'done', results }`, results per origin. */
let check = null;
let checkTimer = 0;
let checkAbort = null;
let showFieldErrors = false;

function checkKey(values) {
  return `${values.kommun}\n${values.site.origin ?? ''}`;
}

/** Origins to check: this page's (where the preview runs) and the site the editor typed. */
function checkOrigins(values) {
  const own = window.location.origin;
  return [own, ...(values.site.origin && values.site.origin !== own ? [values.site.origin] : [])];
}

async function askGateway(kommun, origin, signal) {
  const url = new URL('api/v1/embedding', gateway);
  url.searchParams.set('kommun', kommun);
  url.searchParams.set('origin', origin);
  let response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(checkTimeoutMs)]),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { origin, failed: 'network' };
  }
  if (response.status === 400) {
    const problem = await response.json().catch(() => ({}));
    return { origin, invalid: typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : '' };
  }
  if (!response.ok) return { origin, failed: String(response.status) };
  const body = await response.json().catch(() => null);
  if (!body || typeof body.known !== 'boolean' || typeof body.originAllowed !== 'boolean') return { origin, failed: 'format' };
  return { origin, answer: body };
}

/** Checks `values` now (cancelling an older check) and renders the outcome. */
async function runCheck(values) {
  window.clearTimeout(checkTimer);
  checkAbort?.abort();
  const abort = new AbortController();
  checkAbort = abort;
  const key = checkKey(values);
  check = { key, state: 'pending', results: [] };
  renderCheck(values);
  try {
    const results = await Promise.all(checkOrigins(values).map((origin) => askGateway(values.kommun, origin, abort.signal)));
    if (abort.signal.aborted) return check;
    check = { key, state: 'done', results };
    const own = results[0];
    kommunStatus.set(values.kommun, own.answer ? own.answer.known : own.invalid !== undefined ? false : 'failed');
  } catch {
    return check;
  }
  const current = readForm();
  renderCheck(current);
  renderPreview(current);
  if (showFieldErrors) showErrors(allErrors(current), { focus: false });
  return check;
}

function scheduleCheck(values) {
  window.clearTimeout(checkTimer);
  if (validate(values).some((error) => error.field === 'kommun')) {
    checkAbort?.abort();
    check = null;
    return;
  }
  if (check?.key === checkKey(values)) return;
  checkTimer = window.setTimeout(() => void runCheck(values), 400);
}

/** The check's outcome for `values`, if the latest check was for them. */
function currentCheck(values) {
  return check && check.key === checkKey(values) ? check : null;
}

/** Errors the gateway found: an unknown kommun, an address it refuses. */
function gatewayErrors(values) {
  const done = currentCheck(values);
  if (done?.state !== 'done') return [];
  const errors = [];
  const [own, site] = done.results;
  if (own?.answer && !own.answer.known) {
    errors.push({ field: 'kommun', text: `Det finns ingen kommun med id:t ”${values.kommun}” på e-tjänsteplattformen. Kontrollera id:t i avtalet.` });
  }
  if (own?.invalid !== undefined) errors.push({ field: 'kommun', text: `E-tjänsteplattformen godtar inte kommunens id: ${own.invalid}` });
  if (site?.invalid !== undefined) errors.push({ field: 'site', text: `E-tjänsteplattformen godtar inte adressen: ${site.invalid}` });
  return errors;
}

function allErrors(values) {
  const own = validate(values);
  return [...own, ...gatewayErrors(values).filter((error) => !own.some((mine) => mine.field === error.field))];
}

function codeText(text) {
  return element('code', {}, text);
}

/** What to ask the operator for: the exact origin string and the config key it goes under. */
function whatToAdd(answer) {
  return element(
    'p',
    {},
    'Be den som driver e-tjänsteplattformen lägga till ',
    codeText(JSON.stringify(answer.origin)),
    ' i ',
    codeText(answer.configKey ?? 'origins'),
    ' i gatewayens konfiguration.',
  );
}

function originResult(result, which) {
  const place = which === 'own' ? `Den här sidan (${result.origin})` : `Webbplatsen ${result.origin}`;
  if (result.failed) return null;
  if (result.invalid !== undefined) return element('div', { className: 'check-result check-result--problem' }, element('p', {}, `E-tjänsteplattformen godtar inte adressen ${result.origin}.`));
  const { answer } = result;
  if (answer.originAllowed) {
    const effect = which === 'own' ? 'så förhandsvisningen nedan fungerar.' : 'så tjänsten fungerar på webbplatsens sidor.';
    return element('div', { className: 'check-result check-result--ok' }, element('p', {}, `${place} finns i kommunens lista, ${effect}`));
  }
  const effect =
    which === 'own'
      ? 'Förhandsvisningen nedan visar därför att tjänsten inte är uppsatt för sidan.'
      : 'Där visar tjänsten att den inte är uppsatt för sidan, tills adressen har lagts till.';
  return element('div', { className: 'check-result check-result--problem' }, element('p', {}, `${place} finns inte i kommunens lista. ${effect}`), whatToAdd(answer));
}

/** Replaces the check's live region only when its text changes, so typing is not announced key by key. */
function showCheck(...parts) {
  const next = parts.map((part) => part.textContent).join(' ');
  const now = [...checkPanel.children].map((part) => part.textContent).join(' ');
  if (next !== now) checkPanel.replaceChildren(...parts);
}

function renderCheck(values) {
  const errors = validate(values);
  const kommunError = errors.find((error) => error.field === 'kommun');
  if (!values.kommun) {
    showCheck(element('p', {}, 'Fyll i kommunens id, så kontrollerar vi det mot e-tjänsteplattformen.'));
    return;
  }
  if (kommunError) {
    showCheck(element('p', {}, 'Kommunens id är inte giltigt. Rätta det, så kontrollerar vi det mot e-tjänsteplattformen.'));
    return;
  }
  const done = currentCheck(values);
  if (!done || done.state === 'pending') {
    showCheck(element('p', {}, 'Kontrollerar mot e-tjänsteplattformen …'));
    return;
  }
  const [own, site] = done.results;
  const failed = done.results.find((result) => result.failed);
  if (failed) {
    const why = failed.failed === 'network' ? 'den svarade inte' : `svar ${failed.failed}`;
    showCheck(
      element(
        'p',
        {},
        `Det gick inte att kontrollera mot e-tjänsteplattformen just nu (${why}). Koden fungerar ändå om id:t och webbplatsens adress stämmer. Försök igen om en stund med knappen Kontrollera.`,
      ),
    );
    return;
  }
  if (own.invalid !== undefined) {
    showCheck(element('div', { className: 'check-result check-result--problem' }, element('p', {}, `E-tjänsteplattformen godtar inte id:t ”${values.kommun}”. ${own.invalid}`)));
    return;
  }
  if (!own.answer.known) {
    showCheck(
      element(
        'div',
        { className: 'check-result check-result--problem' },
        element('p', {}, `Det finns ingen kommun med id:t ”${values.kommun}” på e-tjänsteplattformen. Kontrollera stavningen; id:t står i avtalet med plattformen.`),
      ),
    );
    return;
  }
  const parts = [element('p', {}, `”${values.kommun}” är ${own.answer.name ?? values.kommun}.`), originResult(own, 'own')];
  if (values.site.error) parts.push(element('p', {}, 'Webbplatsens adress kunde inte kontrolleras: rätta den i formuläret.'));
  else if (site) {
    if (values.site.trimmed) parts.push(element('p', {}, `Vi kontrollerade webbplatsens början, ${site.origin}; sökvägen spelar ingen roll.`));
    parts.push(originResult(site, 'site'));
  } else if (values.site.origin) parts.push(element('p', {}, `Webbplatsen ${values.site.origin} är den här sidans adress.`));
  else parts.push(element('p', {}, 'Skriv webbplatsens adress i formuläret, så kontrollerar vi även den.'));
  showCheck(...parts.filter(Boolean));
}

// ---- Errors, GOV.UK style: a summary that links to each field, and the message at the field ----

function showErrors(errors, { focus }) {
  summaryList.replaceChildren(
    ...errors.map((error) => {
      const link = element('a', { href: `#${error.field}` }, error.text);
      return element('li', {}, link);
    }),
  );
  summary.hidden = errors.length === 0;
  for (const field of ['kommun', 'site']) {
    const error = errors.find((candidate) => candidate.field === field);
    const input = document.getElementById(field);
    const message = document.getElementById(`${field}-error`);
    message.replaceChildren(...(error ? [element('span', { className: 'visually-hidden' }, 'Fel: '), error.text] : []));
    message.hidden = !error;
    input.closest('.field').classList.toggle('field--error', Boolean(error));
    if (error) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', error ? `${field}-hint ${field}-error` : `${field}-hint`);
  }
  document.title = errors.length ? `Fel: ${pageTitle}` : pageTitle;
  if (focus && errors.length) summary.focus();
}

summary.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  const input = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!input) return;
  // Focus the field itself and bring its label into view, as GOV.UK's error summary does.
  event.preventDefault();
  document.querySelector(`label[for="${input.id}"]`)?.scrollIntoView();
  input.focus({ preventScroll: true });
});

// ---- Snippet and preview ----

let previewKey = '';
/** What the gateway said of each kommun id: known (true/false), or 'failed' when it could not say. */
const kommunStatus = new Map();

function renderPreview(values) {
  const errors = validate(values);
  // The widget is shown once the gateway knows the kommun (or could not say), so an unknown id
  // is not first shown as a widget that fails.
  const status = kommunStatus.get(values.kommun);
  let message = '';
  if (!values.kommun) message = 'Förhandsvisningen visas när kommunens id är ifyllt.';
  else if (errors.some((error) => error.field === 'kommun')) message = 'Förhandsvisningen visas när kommunens id är giltigt.';
  else if (status === undefined) message = 'Förhandsvisningen visas när kommunens id är kontrollerat.';
  else if (status === false) message = `Ingen förhandsvisning: det finns ingen kommun med id:t ”${values.kommun}”.`;
  const key = message || JSON.stringify([values.tag, attributes(values)]);
  if (key === previewKey) return;
  previewKey = key;
  if (message) {
    preview.replaceChildren(element('p', {}, message));
    return;
  }
  const widget = document.createElement(values.tag);
  for (const [name, value] of attributes(values)) widget.setAttribute(name, value);
  preview.replaceChildren(widget);
}

function render() {
  const values = readForm();
  code.textContent = values.kommun ? snippet(values) : 'Fyll i kommunens id, så visas koden här.';
  fallbackPreview.replaceChildren(
    ...(values.fallback.length
      ? values.fallback.map((text) => element('p', {}, text))
      : [element('p', {}, 'Ingen reservtext: då syns ingenting där tjänsten skulle ha varit.')]),
  );
  copyStatus.textContent = '';
  scheduleCheck(values);
  renderCheck(values);
  renderPreview(values);
  if (showFieldErrors) showErrors(allErrors(values), { focus: false });
}

form.addEventListener('input', render);
form.addEventListener('change', render);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  showFieldErrors = true;
  const values = readForm();
  const errors = validate(values);
  if (errors.length) {
    showErrors(errors, { focus: true });
    return;
  }
  void runCheck(values).then(() => {
    const now = readForm();
    if (checkKey(now) !== checkKey(values)) return;
    const found = allErrors(now);
    showErrors(found, { focus: true });
    if (!found.length) document.getElementById('check-heading').focus();
  });
});

document.querySelector('[data-copy]').addEventListener('click', async () => {
  const values = readForm();
  const errors = validate(values);
  if (errors.length) {
    showFieldErrors = true;
    showErrors(errors, { focus: true });
    return;
  }
  try {
    await navigator.clipboard.writeText(code.textContent);
    copyStatus.textContent = 'Koden är kopierad. Klistra in den i sidans HTML.';
  } catch {
    copyStatus.textContent = 'Det gick inte att kopiera automatiskt. Markera koden och kopiera den med Ctrl+C.';
  }
});

render();
