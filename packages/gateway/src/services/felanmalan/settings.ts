import { Open311Attribute } from '@kommunkit/contract';
import { Type, type Static, type TSchema } from 'typebox';
import { defineSettings, type SettingsIssue } from '../../config/service-settings.js';

/**
 * A config text block in other languages than Swedish: `{ "en": { …the same keys… } }`. Every
 * key is optional; a text left out is shown in Swedish.
 */
const translationsOf = <Texts extends TSchema>(texts: Texts) =>
  Type.Optional(
    Type.Object(
      { en: Type.Optional(texts) },
      { additionalProperties: false, description: 'The block\'s texts in other languages, e.g. { "en": { "name": "Street lighting" } }; a text left out is shown in Swedish.' },
    ),
  );

const AttributeValue = Type.Object(
  {
    key: Type.String({ minLength: 1 }),
    name: Type.String({ minLength: 1 }),
    urgentPhone: Type.Optional(
      Type.String({
        pattern: '^\\+?[0-9][0-9 -]{2,19}$',
        description: 'This answer means danger now: the widget tells the citizen at once to phone this number, e.g. "013-20 60 00".',
      }),
    ),
  },
  { additionalProperties: false },
);

/** An Open311 attribute (a question), its answers able to ask for an urgent phone call. */
const Attribute = Type.Object({ ...Open311Attribute.properties, values: Type.Optional(Type.Array(AttributeValue)) });

const AttributeTranslation = Type.Object(
  {
    description: Type.Optional(Type.String({ minLength: 1 })),
    datatype_description: Type.Optional(Type.String()),
    values: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }), { description: 'Answer key → its text.' })),
  },
  { additionalProperties: false },
);

const CategoryTranslation = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1 })),
    description: Type.Optional(Type.String()),
    group: Type.Optional(Type.String({ minLength: 1 })),
    keywords: Type.Optional(Type.Array(Type.String())),
    handoffNote: Type.Optional(Type.String({ minLength: 1 })),
    attributes: Type.Optional(Type.Record(Type.String(), AttributeTranslation, { description: 'Attribute code → its texts.' })),
  },
  { additionalProperties: false },
);

const Category = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9_-]{1,64}$' }),
    name: Type.String({ minLength: 1 }),
    description: Type.String(),
    group: Type.String({ minLength: 1 }),
    keywords: Type.Array(Type.String()),
    handoffNote: Type.Optional(Type.String({ description: 'Shown instead of the form when the kommun does not handle this.' })),
    attributes: Type.Optional(Type.Array(Attribute)),
    translations: translationsOf(CategoryTranslation),
  },
  { additionalProperties: false },
);

const FelanmalanSettings = Type.Object(
  {
    adapter: Type.Union([Type.Literal('builtin'), Type.Literal('open311')], {
      description: '"builtin" stores reports here; "open311" forwards them to the kommun\'s own Open311 server.',
    }),
    referencePrefix: Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Prefix of reference numbers, e.g. "EXS" → EXS-2026-000042.' }),
    caseWorkerApiKey: Type.String({ minLength: 16, description: 'Bearer key of the case-worker API. Keep it out of the file: "${…}".' }),
    categories: Type.Array(Category, { minItems: 1 }),
    apiKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 16 }), { description: 'Open311 api_key values of apps and systems allowed to file reports.' }),
    ),
    devApiKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 16 }), {
        description: 'Open311 api_key values for trying the API in development. Public, so the gateway refuses to start with any when NODE_ENV=production.',
      }),
    ),
    editWindowMinutes: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_080,
        description: 'Minutes after filing in which the citizen may correct the description or withdraw the report (while it is still "mottagen"); 60 unless given, 0 = never.',
      }),
    ),
    map: Type.Optional(
      Type.Object(
        {
          tileUrl: Type.String(),
          attribution: Type.String(),
          center: Type.Tuple([Type.Number(), Type.Number()]),
          zoom: Type.Integer({ minimum: 1, maximum: 19 }),
          translations: translationsOf(Type.Object({ attribution: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    geocoder: Type.Optional(
      Type.Object(
        {
          adapter: Type.Literal('list', { description: '"list": addresses from a JSON file (the dev register), read once at start.' }),
          file: Type.String({ minLength: 1, description: 'The address file, relative to this config file, e.g. "./exempelstad-adresser.json".' }),
        },
        { additionalProperties: false, description: "The kommun's address register: a pin is shown and stored as its nearest address." },
      ),
    ),
    forward: Type.Optional(
      Type.Object(
        {
          url: Type.String({ pattern: '^https?://', description: 'Base URL of the external Open311 GeoReport v2 endpoint.' }),
          apiKey: Type.String({ minLength: 1 }),
          jurisdictionId: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type FelanmalanSettings = Static<typeof FelanmalanSettings>;
export type CategoryConfig = Static<typeof Category>;
export type ForwardSettings = NonNullable<FelanmalanSettings['forward']>;
export type GeocoderSettings = NonNullable<FelanmalanSettings['geocoder']>;

export type AttributeConfig = NonNullable<CategoryConfig['attributes']>[number];

/** What the schema cannot say: a translation names only questions and answers the category has. */
function checkTexts(settings: FelanmalanSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  settings.categories.forEach((category, index) => {
    const at = `categories[${String(index)}]`;
    const questions = new Map((category.attributes ?? []).map((attribute) => [attribute.code, attribute]));
    for (const [locale, texts] of Object.entries(category.translations ?? {})) {
      if (texts.handoffNote !== undefined && category.handoffNote === undefined) issues.push({ key: `${at}.translations.${locale}.handoffNote`, message: 'the category has no handoffNote to translate' });
      for (const [code, question] of Object.entries(texts.attributes ?? {})) {
        const attribute = questions.get(code);
        if (!attribute) {
          issues.push({ key: `${at}.translations.${locale}.attributes.${code}`, message: `the category has no attribute "${code}"` });
          continue;
        }
        const keys = new Set((attribute.values ?? []).map((value) => value.key));
        for (const key of Object.keys(question.values ?? {}))
          if (!keys.has(key)) issues.push({ key: `${at}.translations.${locale}.attributes.${code}.values.${key}`, message: `attribute "${code}" has no answer "${key}"` });
      }
    }
  });
  return issues;
}

/** `kommuner[].services.felanmalan`. */
export const felanmalanSettings = defineSettings({
  schema: FelanmalanSettings,
  check: (settings) => [...(settings.adapter === 'open311' && !settings.forward ? [{ key: 'forward', message: 'needed when adapter is "open311"' }] : []), ...checkTexts(settings)],
});
