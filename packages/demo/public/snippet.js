// The snippet builder: the chosen options become the snippet, a live preview and a copy button.
const form = document.querySelector('[data-builder]');
const code = document.querySelector('[data-snippet]');
const preview = document.querySelector('[data-preview]');
const status = document.querySelector('[data-copy-status]');
const loader = document.querySelector('script[src$="/kommunkit/v1/kommunkit.js"]')?.src ?? '';

function attributes() {
  const data = new FormData(form);
  const kommun = String(data.get('kommun') ?? '').trim().toLowerCase();
  const level = String(data.get('heading-level') ?? '2');
  const lang = String(data.get('lang') ?? '');
  return [['kommun', kommun], ...(level !== '2' ? [['heading-level', level]] : []), ...(lang ? [['lang', lang]] : [])];
}

function render() {
  const tag = String(new FormData(form).get('service'));
  const attrs = attributes();
  code.textContent = `<script type="module" src="${loader}"></script>\n<${tag}${attrs.map(([name, value]) => ` ${name}="${value}"`).join('')}></${tag}>`;
  const element = document.createElement(tag);
  for (const [name, value] of attrs) element.setAttribute(name, value);
  preview.replaceChildren(element);
  status.textContent = '';
}

form.addEventListener('change', render);
form.addEventListener('input', render);
document.querySelector('[data-copy]').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.textContent);
    status.textContent = 'Koden är kopierad. Klistra in den i sidans HTML.';
  } catch {
    status.textContent = 'Det gick inte att kopiera automatiskt. Markera koden och kopiera den med Ctrl+C.';
  }
});
render();
