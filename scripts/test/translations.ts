import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Extracts a package's messages from its current source into a copy of its XLIFF files, the
 * way `pnpm i18n:extract` does, so a message added without a translation shows up here.
 */
function extractFresh(packageDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kk-i18n-'));
  cpSync(join(packageDir, 'xliff'), join(dir, 'xliff'), { recursive: true });
  const config = JSON.parse(readFileSync(join(packageDir, 'lit-localize.json'), 'utf8')) as {
    tsConfig: string;
    inputFiles?: string[];
    output: { outputDir: string };
    interchange: { xliffDir: string };
  };
  config.tsConfig = join(packageDir, 'tsconfig.json');
  config.inputFiles = config.inputFiles?.map((glob) => join(packageDir, glob));
  config.output.outputDir = join(dir, 'out');
  config.interchange.xliffDir = join(dir, 'xliff');
  writeFileSync(join(dir, 'lit-localize.json'), JSON.stringify(config));
  execFileSync('pnpm', ['exec', 'lit-localize', 'extract', '--config', join(dir, 'lit-localize.json')], { cwd: packageDir, stdio: 'pipe' });
  return readFileSync(join(dir, 'xliff', 'en.xlf'), 'utf8');
}

/** The tests every localized package runs: English covers every message, and is built. */
export function describeEnglishTranslation(packageName: string, packageDir: string): void {
  describe(`English translation of ${packageName}`, () => {
    const xliff = extractFresh(packageDir);
    const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];

    it('covers every message in the source', () => {
      expect(units.length).toBeGreaterThan(5);
      const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*\S[\s\S]*<\/target>/.test(body!)).map(([, id]) => id);
      expect(untranslated).toEqual([]);
    });

    it('is built into the runtime locale module', () => {
      const built = readFileSync(join(packageDir, 'src', 'locales', 'en.ts'), 'utf8');
      const missing = units.map(([, id]) => id!).filter((id) => !built.includes(`'${id}'`));
      expect(missing).toEqual([]);
    });
  });
}
