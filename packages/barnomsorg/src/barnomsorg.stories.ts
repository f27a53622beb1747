import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { answeredUpToCheck, api, draftAt, elsa, handlers, type HandlerOptions } from '../test/support.js';
import type { KkBarnomsorg } from './barnomsorg.js';
import './define.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  view: 'oversikt' | 'ansok';
  lang: '' | 'sv' | 'en';
  'heading-level': number;
}

/**
 * `<kk-barnomsorg view="ansok">`'s application form against a mocked gateway (MSW, the component
 * tests' handlers from `test/support.ts`): each question page, the errors, the guarantee-date
 * warning, the protected-identity notice, the units with ranking and the map, the fee estimate,
 * check answers, a 409 and a 422 on sending, and the confirmation. A page later in the form opens
 * from a server draft (the way a guardian resumes on another device). The overview's stories are
 * in `overview.stories.ts`.
 */
const meta: Meta<Args> = {
  title: 'barnomsorg/kk-barnomsorg (ansök)',
  component: 'kk-barnomsorg',
  beforeEach({ msw, args }) {
    for (const key of Object.keys(sessionStorage)) if (key.endsWith(`:${args.kommun}`) || key.includes(':barnomsorg')) sessionStorage.removeItem(key);
    msw.use(...handlers());
  },
  args: { api, kommun: 'exempelstad', view: 'ansok', lang: '', 'heading-level': 2 },
  argTypes: {
    view: { control: 'inline-radio', options: ['oversikt', 'ansok'] },
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'] },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<kk-barnomsorg api=${args.api} kommun=${args.kommun} view=${args.view} lang=${args.lang} heading-level=${args['heading-level']}></kk-barnomsorg>`,
};
export default meta;
type Story = StoryObj<Args>;

// Lazy chunks and a mock worker: on a busy machine a state takes longer than a second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 8000, ...options });
const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkBarnomsorg>('kk-barnomsorg')!;
const shadow = (canvasElement: HTMLElement) => widget(canvasElement).shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const heading = (canvasElement: HTMLElement) => text(shadow(canvasElement).querySelector('[data-kk-focus-target]'));
const onPage = (canvasElement: HTMLElement, title: string) => waitFor(() => expect(heading(canvasElement)).toBe(title));

async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  const buttons = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')];
  const find = () => buttons().find((candidate) => text(candidate) === label) ?? buttons().find((candidate) => text(candidate).startsWith(label));
  await waitFor(() => expect(find()).toBeDefined());
  find()!.click();
  await widget(canvasElement).updateComplete;
}

async function fill(canvasElement: HTMLElement, id: string, value: string): Promise<void> {
  await waitFor(() => expect(shadow(canvasElement).getElementById(id)).not.toBeNull());
  const field = shadow(canvasElement).getElementById(id) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new FocusEvent('blur'));
  await widget(canvasElement).updateComplete;
}

let stories = 0;

/**
 * A story on `page` of the form, opened from a server draft, in a kommun of its own. The widget
 * of the story before still sends its pending draft save when it is removed (the DraftController
 * flushes on disconnect) and then marks the tab's copy saved: under a shared kommun that draft,
 * written after this story's `beforeEach` cleared the storage, became this story's.
 */
const at = (page: Parameters<typeof draftAt>[0], title: string, options: HandlerOptions = {}, values?: Record<string, unknown>): Story => {
  // The kommun's info is asked for once per client: a story with other info needs a gateway of its own.
  const base = options.base ?? `http://${page}.test`;
  const kommun = `ansok-${page}-${String(++stories)}`;
  return {
    args: { api: base, kommun },
    beforeEach: ({ msw }) => msw.use(...handlers({ base, drafts: draftAt(page, values, kommun), ...options })),
    play: async ({ canvasElement }) => onPage(canvasElement, title),
  };
};

/** Not logged in: the login gate, back to the form after the login. */
export const LoginGate: Story = {
  args: { api: 'http://anonym.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ base: 'http://anonym.test', loggedIn: false })),
  play: async ({ canvasElement }) => onPage(canvasElement, 'Logga in'),
};

/** Step 1: the guardian's children from the population register. */
export const Child: Story = { play: async ({ canvasElement }) => onPage(canvasElement, 'Vilket barn gäller ansökan?') };

/** Step 1 sent without a choice: the error summary linked to the radios. */
export const ChildError: Story = {
  name: 'Child: nothing chosen',
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('input[type=radio]')).not.toBeNull());
    await click(canvasElement, 'Fortsätt');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-error-summary'))).toContain('Välj vilket barn ansökan gäller'));
  },
};

/** A child with protected identity is not listed; the guardian is told to contact the kommun. */
export const ProtectedIdentity: Story = {
  beforeEach: ({ msw }) => msw.use(...handlers({ someNotShown: true })),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement))).toContain('Ett eller flera av dina barn kan inte visas här.')),
};

/** No child that can be shown: nothing to apply for. */
export const NoChildren: Story = {
  beforeEach: ({ msw }) => msw.use(...handlers({ someNotShown: true, children: [] })),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement))).toContain('Kontakta kommunens barnomsorg.')),
};

/** The children are still on their way. */
export const ChildrenLoading: Story = { beforeEach: ({ msw }) => msw.use(...handlers({ delayMs: 60_000 })) };

/** Step 2: the types the child's age allows. */
export const Type: Story = at('type', 'Vilken typ av plats söker du för Elsa?');

/** Step 3: the start date, with the guarantee date. */
export const Start: Story = at('start', 'När vill du att barnet ska börja?', {}, { ...answeredUpToCheck, desiredStartDate: '' });

/** Step 3: a wished start before the guarantee date warns, and does not stop the guardian. */
export const StartBeforeGuarantee: Story = {
  ...at('start', 'När vill du att barnet ska börja?', {}, { ...answeredUpToCheck, desiredStartDate: '' }),
  name: 'Start: before the guarantee date (warning)',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'När vill du att barnet ska börja?');
    await fill(canvasElement, 'kk-bo-desiredStartDate', '2027-01-15');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-warning-text'))).toContain('före garantidatumet'));
  },
};

/** Step 3: a date the child is too young for is an error. */
export const StartIneligible: Story = {
  ...at('start', 'När vill du att barnet ska börja?', { children: [{ ...elsa, birthDate: '2026-06-15' }] }, { ...answeredUpToCheck, desiredStartDate: '' }),
  name: 'Start: the child is too young then (error)',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'När vill du att barnet ska börja?');
    await fill(canvasElement, 'kk-bo-desiredStartDate', '2027-03-01');
    await click(canvasElement, 'Fortsätt');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-error-summary'))).toContain('tidigast när det fyller 1 år'));
  },
};

/** Step 4: the units with search, the area filter and two ranked choices. */
export const Units: Story = at('units', 'Var vill du att barnet ska få plats?');

/** Step 4: as many choices as the kommun allows; the list says so. */
export const UnitsFull: Story = {
  ...at('units', 'Var vill du att barnet ska få plats?', {}, { ...answeredUpToCheck, units: ['solrosen', 'ekorren', 'humlan'] }),
  name: 'Units: all choices made',
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement))).toContain('Du har valt 3, så många som du kan.')),
};

/** Step 4: a choice moved up by keyboard, the move announced. */
export const UnitsReordered: Story = {
  ...at('units', 'Var vill du att barnet ska få plats?'),
  name: 'Units: a choice moved up',
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Flytta upp: Ekorrens förskola');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-visually-hidden[role=status]'))).toBe('Ekorrens förskola är nu ditt val nummer 1 av 2.'));
  },
};

/** Step 4 sent with no choice: the error is linked to the ranked list. */
export const UnitsError: Story = {
  ...at('units', 'Var vill du att barnet ska få plats?', {}, { ...answeredUpToCheck, units: [] }),
  name: 'Units: none chosen',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Var vill du att barnet ska få plats?');
    await click(canvasElement, 'Fortsätt');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-error-summary'))).toContain('Välj minst en enhet'));
  },
};

/** Step 4: the units could not be read. */
export const UnitsUnavailable: Story = {
  ...at('units', 'Var vill du att barnet ska få plats?', { failUnits: true }),
  name: 'Units: cannot be loaded',
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement))).toContain('Vi kunde inte hämta enheterna just nu.')),
};

/** Step 4 with the kommun's map: "Visa på karta" opens the units on it, beside the list. */
export const UnitsMap: Story = {
  ...at('units', 'Var vill du att barnet ska få plats?', { map: true, base: 'http://karta.test' }),
  name: 'Units: on the map',
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Visa på karta');
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-places-map-pin').length).toBe(4));
  },
};

/** Step 5: a sibling at one of the units. */
export const Sibling: Story = at('sibling', 'Har barnet syskon på någon av enheterna?', {}, { ...answeredUpToCheck, hasSibling: 'ja', siblingUnitId: 'ekorren' });

/** Step 6: hours, drop-off, pick-up and the reason. */
export const Schedule: Story = at('schedule', 'Hur mycket behöver barnet vara där?');

/** Step 6 with wrong answers: the error summary. */
export const ScheduleErrors: Story = {
  ...at('schedule', 'Hur mycket behöver barnet vara där?', {}, { ...answeredUpToCheck, hoursPerWeek: '80', dropOff: '8', pickUp: '07:00', reason: '' }),
  name: 'Schedule: errors',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Hur mycket behöver barnet vara där?');
    await click(canvasElement, 'Fortsätt');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-error-summary'))).toContain('Antal timmar måste vara mellan 1 och 60'));
  },
};

/** Step 7: the optional questions. */
export const Other: Story = at('other', 'Finns det något mer kommunen behöver veta?');

/** Step 8: the fee estimate for the youngest child with a place. */
export const Fee: Story = {
  ...at('fee', 'Uppskattad avgift'),
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Uppskattad avgift');
    await fill(canvasElement, 'kk-bo-income', '45000');
    // 3 % of 45 000 kr.
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-bo-fee'))).toContain('1 350 kr per månad'));
  },
};

/** Step 9: check answers with "Ändra". */
export const Check: Story = at('check', 'Kontrollera din ansökan');

/** Sent: the confirmation with the reference, the guarantee date and what happens next. */
export const Confirmation: Story = {
  ...at('check', 'Kontrollera din ansökan'),
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Kontrollera din ansökan');
    await click(canvasElement, 'Skicka ansökan');
    await onPage(canvasElement, 'Ansökan är skickad');
  },
};

/** A second active application for the child and type: 409, with the way to the overview. */
export const AlreadyApplied: Story = {
  ...at('check', 'Kontrollera din ansökan', { create: 'active' }),
  name: 'Send: already an active application (409)',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Kontrollera din ansökan');
    await click(canvasElement, 'Skicka ansökan');
    await waitFor(() => expect(text(shadow(canvasElement))).toContain('Barnet har redan en ansökan'));
  },
};

/** The gateway refused a field (422): its page, with the gateway's words. */
export const FieldRefused: Story = {
  ...at('check', 'Kontrollera din ansökan', { create: 'invalid-schedule' }),
  name: 'Send: a field refused (422)',
  play: async ({ canvasElement }) => {
    await onPage(canvasElement, 'Kontrollera din ansökan');
    await click(canvasElement, 'Skicka ansökan');
    await onPage(canvasElement, 'Hur mycket behöver barnet vara där?');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-error-summary'))).toContain('Enheten har stängt klockan 18.00.'));
  },
};

/** The form in English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => onPage(canvasElement, 'Which child is the application for?'),
};
