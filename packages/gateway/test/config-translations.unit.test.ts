import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../src/config/load.js';
import { negotiateLocale } from '../src/http/locale.js';

const hazard = {
  variable: true,
  code: 'hazard',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: '',
  order: 1,
  description: 'Är det en fara för trafiken just nu?',
  values: [
    { key: 'ja', name: 'Ja, det är farligt', urgentPhone: '013-20 60 00' },
    { key: 'nej', name: 'Nej' },
  ],
};

const category = (patch: Record<string, unknown> = {}) => ({
  code: 'vagar',
  name: 'Vägar och gator',
  description: 'Potthål.',
  group: 'Gator och trafik',
  keywords: ['potthål'],
  attributes: [hazard],
  ...patch,
});

const configWith = (felanmalan: Record<string, unknown>) => ({
  publicUrl: 'https://e-tjanster.exempelstad.se',
  kommuner: [
    {
      id: 'exempelstad',
      name: 'Exempelstads kommun',
      origins: ['https://www.exempelstad.se'],
      services: { felanmalan: { adapter: 'builtin', referencePrefix: 'EXS', caseWorkerApiKey: 'a-long-case-worker-key', categories: [category()], ...felanmalan } },
      identityProvider: { issuer: 'https://idp.exempelstad.se', clientId: 'kk', clientSecret: 's3cret' },
    },
  ],
});

const english = {
  name: 'Roads and streets',
  description: 'Potholes.',
  group: 'Streets and traffic',
  keywords: ['pothole'],
  attributes: { hazard: { description: 'Is it a danger to traffic right now?', values: { ja: 'Yes, it is dangerous', nej: 'No' } } },
};

const map = { tileUrl: 'https://tile.example/{z}/{x}/{y}.png', attribution: '© OpenStreetMap-bidragsgivare', center: [58.4, 15.6], zoom: 14 };

const felanmalanOf = (raw: ReturnType<typeof configWith>) => resolveConfig(raw).kommunById.get('exempelstad')?.services.felanmalan;

describe('translated config texts', () => {
  it('accepts English for every text of a category, its questions and answers, and the map credit', () => {
    const settings = felanmalanOf(configWith({ categories: [category({ translations: { en: english } })], map: { ...map, translations: { en: { attribution: '© OpenStreetMap contributors' } } } }));
    expect(settings?.categories[0]?.translations?.en?.attributes?.hazard?.values?.ja).toBe('Yes, it is dangerous');
    expect(settings?.map?.translations?.en?.attribution).toBe('© OpenStreetMap contributors');
  });

  it('accepts a partial translation and none at all', () => {
    expect(() => resolveConfig(configWith({ categories: [category({ translations: { en: { name: 'Roads' } } })] }))).not.toThrow();
    expect(() => resolveConfig(configWith({ categories: [category({ translations: {} })] }))).not.toThrow();
    expect(() => resolveConfig(configWith({}))).not.toThrow();
  });

  it.each([
    ['a locale the gateway does not speak', { translations: { fr: { name: 'Routes' } } }, 'categories[0].translations.fr'],
    ['a misspelt text key', { translations: { en: { title: 'Roads' } } }, 'categories[0].translations.en.title'],
    ['an empty name', { translations: { en: { name: '' } } }, 'categories[0].translations.en.name'],
    ['a question the category lacks', { translations: { en: { attributes: { hazrd: { description: 'Danger?' } } } } }, 'categories[0].translations.en.attributes.hazrd'],
    ['an answer the question lacks', { translations: { en: { attributes: { hazard: { values: { kanske: 'Maybe' } } } } } }, 'categories[0].translations.en.attributes.hazard.values.kanske'],
    ['a note for a category without one', { translations: { en: { handoffNote: 'Call Trafikverket.' } } }, 'categories[0].translations.en.handoffNote'],
    ['keywords as one string', { translations: { en: { keywords: 'pothole' } } }, 'categories[0].translations.en.keywords'],
  ])('refuses %s, naming the key', (_case, patch, key) => {
    const raw = configWith({ categories: [category(patch)] });
    expect(() => resolveConfig(raw, 'kommunkit.json')).toThrow(ConfigError);
    expect(() => resolveConfig(raw, 'kommunkit.json')).toThrow(key);
  });

  it('refuses a map credit translated into an unknown locale', () => {
    expect(() => resolveConfig(configWith({ map: { ...map, translations: { de: { attribution: 'x' } } } }))).toThrow('map.translations.de');
  });

  it.each([['112 eller 013'], ['ring oss'], ['']])('refuses an urgent phone number that is not one (%s)', (urgentPhone) => {
    const raw = configWith({ categories: [category({ attributes: [{ ...hazard, values: [{ key: 'ja', name: 'Ja', urgentPhone }] }] })] });
    expect(() => resolveConfig(raw)).toThrow('urgentPhone');
  });

  it('accepts urgent numbers as people write them', () => {
    for (const urgentPhone of ['013-20 60 00', '+46 13 20 60 00', '112']) {
      const raw = configWith({ categories: [category({ attributes: [{ ...hazard, values: [{ key: 'ja', name: 'Ja', urgentPhone }] }] })] });
      expect(() => resolveConfig(raw)).not.toThrow();
    }
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'sv'],
    ['', 'sv'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.2, sv;q=0.9', 'sv'],
    ['en;q=0', 'sv'],
    ['*', 'sv'],
    ['de, fr', 'sv'],
    ['en;q=abc', 'sv'],
    ['en;q=1.5', 'sv'],
    [`${'x,'.repeat(5000)}en`, 'sv'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
