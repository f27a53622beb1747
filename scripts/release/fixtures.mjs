// The fresh apps of `pnpm release:check` (scripts/release/check.mjs): what a developer writes
// after `npm install @kommunkit/felanmalan`, following the package's README. Every dependency is
// pinned, so the check fails for a change in kommunkit, not for a new release of React or Vite.
// The `@ts-expect-error` lines make the typecheck fail when a type is lost (becomes `any`).

const versions = {
  typescript: '6.0.3',
  vite: '8.3.8',
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  '@vitejs/plugin-react': '6.3.0',
  preact: '11.2.0',
};
const pick = (...names) => Object.fromEntries(names.map((name) => [name, versions[name]]));

/** package.json: felanmalan from its tarball; the packages it depends on from theirs, via overrides. */
function packageJson(name, tarballOf, dependencies, devDependencies) {
  const file = (pkg) => `file:${tarballOf.get(pkg)}`;
  const others = [...tarballOf.keys()].filter((pkg) => pkg !== '@kommunkit/felanmalan');
  return `${JSON.stringify(
    {
      name,
      private: true,
      type: 'module',
      dependencies: { '@kommunkit/felanmalan': file('@kommunkit/felanmalan'), ...dependencies },
      devDependencies,
      overrides: Object.fromEntries(others.map((pkg) => [pkg, file(pkg)])),
    },
    null,
    2,
  )}\n`;
}

/** The settings of create-vite's TypeScript templates, but with the libraries' .d.ts checked too. */
const tsconfig = (extra = {}) =>
  `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        noEmit: true,
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noFallthroughCasesInSwitch: true,
        skipLibCheck: false,
        types: [],
        ...extra,
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`;

const html = (script) => `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Felanmälan</title>
  </head>
  <body>
    <main id="app"></main>
    <script type="module" src="${script}"></script>
  </body>
</html>
`;

const vanillaMain = `// From the README: register <kk-felanmalan>, create it, set kommun and api, listen for reports.
import '@kommunkit/felanmalan/define';
import { KkFelanmalan, type ReportSubmittedDetail } from '@kommunkit/felanmalan';

const widget = document.createElement('kk-felanmalan');
const isTheClass: KkFelanmalan = widget;
widget.kommun = 'exempelstad';
widget.api = 'https://e-tjanster.exempelstad.se';
widget.headingLevel = 3;
widget.view = 'folj';
// @ts-expect-error a view the widget does not have
widget.view = 'karta';
// @ts-expect-error heading levels are numbers, 2 to 6
widget.headingLevel = 'tre';

const status = document.createElement('p');
status.setAttribute('role', 'status');
widget.addEventListener('kk-report-submitted', (event) => {
  const detail: ReportSubmittedDetail = event.detail;
  status.textContent = \`Tack! Ditt ärende har nummer \${detail.reference} (\${detail.serviceCode}).\`;
  // @ts-expect-error the detail carries ids only, never what the citizen wrote
  console.log(event.detail.description);
});
document.addEventListener('kk-report-submitted', (event) => {
  const reference: string = event.detail.reference;
  console.log('filed', reference);
});

document.querySelector('#app')?.append(widget, status);
console.log(customElements.get('kk-felanmalan') === KkFelanmalan, isTheClass.localName);
`;

const reactMain = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From the README: register <kk-felanmalan>, and add it to React's JSX types.
import '@kommunkit/felanmalan/define';
import type {} from '@kommunkit/felanmalan/jsx-react';
import { App } from './App';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

const reactApp = `import { useRef, useState } from 'react';
import type { KkFelanmalan, ReportSubmittedDetail } from '@kommunkit/felanmalan';

export function App() {
  const [filed, setFiled] = useState<ReportSubmittedDetail>();
  const widget = useRef<KkFelanmalan>(null);
  return (
    <>
      <h1>Felanmälan</h1>
      <kk-felanmalan
        ref={widget}
        kommun="exempelstad"
        api="https://e-tjanster.exempelstad.se"
        heading-level={2}
        view="anmal"
        onkk-report-submitted={(event) => {
          setFiled(event.detail);
          // @ts-expect-error the detail carries ids only, never what the citizen wrote
          console.log(event.detail.description);
        }}
      >
        <p>Felanmälan laddas. Fungerar den inte kan du ringa kommunen.</p>
      </kk-felanmalan>
      <kk-felanmalan
        kommun="exempelstad"
        // @ts-expect-error a view the widget does not have
        view="karta"
      />
      <p role="status">{filed ? \`Tack! Ditt ärende har nummer \${filed.reference}.\` : ''}</p>
    </>
  );
}
`;

const preactMain = `import { render } from 'preact';
import { useState } from 'preact/hooks';
// From the README: register <kk-felanmalan>, and add it to Preact's JSX types.
import '@kommunkit/felanmalan/define';
import type {} from '@kommunkit/felanmalan/jsx-preact';
import type { ReportSubmittedDetail } from '@kommunkit/felanmalan';

function App() {
  const [filed, setFiled] = useState<ReportSubmittedDetail>();
  return (
    <>
      <h1>Felanmälan</h1>
      <kk-felanmalan
        kommun="exempelstad"
        api="https://e-tjanster.exempelstad.se"
        onkk-report-submitted={(event) => {
          setFiled(event.detail);
          // @ts-expect-error the detail carries ids only, never what the citizen wrote
          console.log(event.detail.description);
        }}
      />
      <kk-felanmalan
        kommun="exempelstad"
        // @ts-expect-error a view the widget does not have
        view="karta"
      />
      <p role="status">{filed ? \`Tack! Ditt ärende har nummer \${filed.reference}.\` : ''}</p>
    </>
  );
}

render(<App />, document.getElementById('app')!);
`;

/**
 * @param {{ tarballOf: Map<string, string> }} options
 * @returns {{ name: string, files: Record<string, string>, bundleContains: string[] }[]}
 */
export function apps({ tarballOf }) {
  return [
    {
      name: 'vanilla-ts',
      files: {
        'package.json': packageJson('vanilla-ts', tarballOf, {}, pick('typescript', 'vite')),
        'tsconfig.json': tsconfig(),
        'index.html': html('/src/main.ts'),
        'src/main.ts': vanillaMain,
      },
      bundleContains: ['kk-felanmalan', 'kk-report-submitted'],
    },
    {
      name: 'react-19',
      files: {
        'package.json': packageJson(
          'react-19',
          tarballOf,
          pick('react', 'react-dom'),
          pick('typescript', 'vite', '@types/react', '@types/react-dom', '@vitejs/plugin-react'),
        ),
        'tsconfig.json': tsconfig({ jsx: 'react-jsx' }),
        'vite.config.js': `import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({ plugins: [react()] });\n`,
        'index.html': html('/src/main.tsx'),
        'src/main.tsx': reactMain,
        'src/App.tsx': reactApp,
      },
      bundleContains: ['kk-felanmalan', 'kk-report-submitted'],
    },
    {
      // Vite takes the JSX runtime from tsconfig's jsxImportSource; no plugin needed.
      name: 'preact-app',
      files: {
        'package.json': packageJson('preact-app', tarballOf, pick('preact'), pick('typescript', 'vite')),
        'tsconfig.json': tsconfig({ jsx: 'react-jsx', jsxImportSource: 'preact' }),
        'index.html': html('/src/main.tsx'),
        'src/main.tsx': preactMain,
      },
      bundleContains: ['kk-felanmalan', 'kk-report-submitted'],
    },
  ];
}
