import { describe, expect, it } from 'vitest';
import { tokenDefaults, tokenStyles } from '../src/tokens.js';

describe('design tokens', () => {
  it('resolves every token from the page, then the kommun\'s config theme, then the default', () => {
    const cssText = tokenStyles.cssText;
    for (const [name, value] of Object.entries(tokenDefaults)) {
      expect(cssText).toContain(`--_kk-${name}: var(--kk-${name}, var(--kk-config-${name}, ${value}));`);
    }
  });
});
