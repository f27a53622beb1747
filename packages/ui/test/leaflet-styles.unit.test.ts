import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dropUrlRules, escapeTemplate, generateLeafletStyles, leafletCssPath, leafletStylesPath, stripComments, tidyWhitespace } from '../scripts/leaflet-styles.js';

describe('src/places-map/leaflet.styles.ts', () => {
  it("is what Leaflet's installed stylesheet generates (run `pnpm --filter @kommunkit/ui leaflet-styles` after updating Leaflet)", () => {
    expect(readFileSync(leafletStylesPath, 'utf8')).toBe(generateLeafletStyles());
  });

  it("keeps every rule of leaflet.css but those that load a url(), and Leaflet's print rules", () => {
    const generated = generateLeafletStyles();
    const rules = generated.slice(generated.indexOf('leafletStyles = css`\n') + 'leafletStyles = css`\n'.length);
    const source = readFileSync(leafletCssPath, 'utf8').replace(/\r\n?/g, '\n');
    expect(rules).not.toMatch(/url\(|\/\*/);
    expect(rules).toContain('@media print {');
    expect(rules).toContain('max-width: none !important;');
    // Every other rule is there, in leaflet.css's order.
    const selectors = (css: string) => [...stripComments(css).matchAll(/^([^{}\n@][^{}]*)\{/gm)].map((match) => match[1]!.trim().replace(/\s+/g, ' '));
    const kept = selectors(rules);
    expect(kept).toEqual(selectors(source).filter((selector) => !['.lvml', '.leaflet-control-layers-toggle', '.leaflet-retina .leaflet-control-layers-toggle', '.leaflet-default-icon-path'].includes(selector)));
  });
});

describe('the steps of scripts/leaflet-styles.ts', () => {
  it('drops rules that load a url(), also inside at-rules, and says which', () => {
    const dropped: string[] = [];
    const css = '.a {\n\tcolor: red;\n\t}\n.b,\n.c {\n\tbackground: URL(x.png);\n\t}\n@media print {\n\t.d { behavior: url(#x); }\n\t.e { color: blue; }\n\t}\n';
    expect(dropUrlRules(css, dropped)).toBe('.a {\n\tcolor: red;\n\t}\n@media print {\n\t.e { color: blue; }\n\t}\n');
    expect(dropped).toEqual(['.b, .c', '.d']);
    expect(() => dropUrlRules('.a { color: red; } }')).toThrow(/unbalanced/);
  });

  it('drops comments, blank lines and trailing whitespace', () => {
    expect(tidyWhitespace(stripComments('/* a */\n\n.a {\n\tcursor: auto; /* IE */\n\n\t}\n'))).toBe('.a {\n\tcursor: auto;\n\t}');
  });

  it('escapes what a template literal would read', () => {
    const escaped = escapeTemplate('.a::before { content: "\\2014 `${x}`"; }');
    expect(escaped).toBe('.a::before { content: "\\\\2014 \\`\\${x}\\`"; }');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the escaped text as a template literal, the way the generated module is read
    expect((new Function(`return \`${escaped}\`;`) as () => string)()).toBe('.a::before { content: "\\2014 `${x}`"; }');
  });
});
