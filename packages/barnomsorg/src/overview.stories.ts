import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import {
  application,
  inDays,
  kommunMessage,
  offered,
  otherGuardian,
  overviewApi,
  overviewGateway,
  overviewUnavailable,
  placement,
  type OverviewGatewayOptions,
} from '../test/support-overview.js';
import type { KkBarnomsorg } from './barnomsorg.js';
import './define.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  lang: '' | 'sv' | 'en';
  'heading-level': number;
}

/**
 * `<kk-barnomsorg>` (view `oversikt`), "Mina ansökningar och placeringar", against a mocked
 * gateway (MSW, the component tests' handlers from `test/support-overview.ts`): the login gate,
 * loading, an error with "Försök igen", none yet, every status, an unsent application, one
 * application (facts, history, messages), an offer (the confirm step, accepted, declined, the
 * reply-by day passed), withdrawing, a message refused as empty, the other guardian's
 * confirmation, an application that is not there (404), and a placement's notice with the last
 * day computed before it is sent. Each story has a kommun of its own: the page's SDK client
 * remembers who is logged in per kommun.
 */
const meta: Meta<Args> = {
  title: 'barnomsorg/Mina ansökningar och placeringar',
  component: 'kk-barnomsorg',
  args: { api: overviewApi, kommun: 'exempelstad', lang: '', 'heading-level': 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'], description: "The widget's language; empty: the page's (the toolbar's Språk)." },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<kk-barnomsorg api=${args.api} kommun=${args.kommun} view="oversikt" lang=${ifDefined(args.lang || undefined)} heading-level=${args['heading-level']}></kk-barnomsorg>`,
  parameters: {
    // Each story's gateway and play function need a page of their own (see felanmälan's stories).
    docs: { story: { inline: false, height: '640px' } },
  },
};
export default meta;
type Story = StoryObj<Args>;

// Lazy chunks and a mock worker: on a busy machine a state takes longer than a second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });
const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector<KkBarnomsorg>('kk-barnomsorg')!.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** Clicks the button named `label`, once it shows. */
async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  const find = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === label);
  await waitFor(() => expect(find()).toBeDefined());
  find()!.click();
}

/** Opens the first row of the overview and waits for its page. */
async function openFirst(canvasElement: HTMLElement): Promise<void> {
  await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-bo-row]')).not.toBeNull());
  shadow(canvasElement).querySelector<HTMLButtonElement>('[data-kk-bo-row]')!.click();
  await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-bo-application h2, .kk-bo-placement h2')).not.toBeNull());
}

/** A logged-in guardian at a gateway with these applications and placements. */
const gateway =
  (options: OverviewGatewayOptions = {}) =>
  ({ msw }: { msw: { use: (...handlers: ReturnType<typeof overviewGateway>['handlers']) => void } }): void =>
    msw.use(...overviewGateway(options).handlers);

const listShown = (canvasElement: HTMLElement) => waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-bo-row], .kk-list__empty')).not.toBeNull());

/** An anonymous visitor: why to log in, "Logga in med e-legitimation". */
export const LoginGate: Story = {
  name: 'Not logged in: the login gate',
  args: { kommun: 'oversikt-gate' },
  beforeEach: gateway({ signedIn: false }),
  play: async ({ canvasElement }) =>
    waitFor(() => expect([...shadow(canvasElement).querySelectorAll('button')].some((button) => text(button) === 'Logga in med e-legitimation')).toBe(true)),
};

/** The overview is on its way. */
export const Loading: Story = {
  args: { kommun: 'oversikt-laddar' },
  beforeEach({ msw }) {
    msw.use(...overviewGateway().handlers);
    msw.use(http.get(`${overviewApi}/api/v1/:kommun/barnomsorg/applications`, () => delay('infinite')));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-spinner'))).toBe('Hämtar dina ansökningar…')),
};

/** The gateway is down: a message and "Försök igen". */
export const LoadError: Story = {
  name: 'Cannot be loaded, with a retry',
  args: { kommun: 'oversikt-fel' },
  beforeEach({ msw }) {
    // Handlers used later come first.
    msw.use(...overviewGateway().handlers);
    msw.use(...overviewUnavailable('applications'));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 }),
};

/** Nothing sent yet: "Ansök om plats". */
export const Empty: Story = {
  name: 'None yet',
  args: { kommun: 'oversikt-tom' },
  beforeEach: gateway(),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__empty')).not.toBeNull()),
};

/** Every status with what happens next, and the placements (active, given notice). */
export const Statuses: Story = {
  name: 'List with every status',
  args: { kommun: 'oversikt-status' },
  beforeEach: gateway({
    applications: [
      application({ status: 'inskickad', otherGuardianConfirmation: 'vantar' }),
      application(),
      offered(10),
      application({
        status: 'accepterad',
        type: 'pedagogisk_omsorg',
        offer: { unitId: 'lena', unitName: 'Dagbarnvårdare Lena Ek', startDate: inDays(5), replyBy: inDays(-3), answer: 'accepterad', answeredAt: `${inDays(-5)}T10:00:00+01:00` },
      }),
      application({ status: 'avbojd' }),
      application({ status: 'aterkallad', type: 'fritidshem', child: { id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02', givenName: 'Olle', familyName: 'Andersson', birthDate: '2019-05-02' } }),
    ],
    placements: [placement(), placement({ status: 'uppsagd', endDate: inDays(40), noticeGivenAt: `${inDays(-20)}T10:00:00+01:00` })],
  }),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelectorAll('[data-kk-bo-row]')).toHaveLength(8)),
};

/** An application begun and not sent (the server's draft): "Fortsätt med ansökan". */
export const Draft: Story = {
  name: 'An unsent application to go on with',
  args: { kommun: 'oversikt-utkast' },
  beforeEach: gateway({ draft: { childId: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01', type: 'forskola' }, applications: [application()] }),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-bo-draft'))).toContain('Vera Andersson')),
};

/** One application: facts, ranked units, the guarantee date, the history and the messages. */
export const Application: Story = {
  name: 'One application',
  args: { kommun: 'oversikt-ansokan' },
  beforeEach: gateway({ applications: [application({ messages: [kommunMessage('Vi har tagit emot er ansökan. Har Vera några allergier?')] })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-status-history')).not.toBeNull());
  },
};

/** An offer to answer before its reply-by day: "Tacka ja till platsen", "Tacka nej". */
export const Offer: Story = {
  name: 'Offer: answer by the reply-by day',
  args: { kommun: 'oversikt-erbjudande' },
  beforeEach: gateway({ applications: [offered(10)] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-bo-offer]'))).toContain('Svara senast'));
  },
};

/** "Vill du tacka ja …?": the confirm step, with focus on its heading. */
export const OfferConfirm: Story = {
  name: 'Offer: the confirm step',
  args: { kommun: 'oversikt-fraga' },
  beforeEach: gateway({ applications: [offered(10)] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Tacka ja till platsen');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toContain('Vill du tacka ja till platsen'));
  },
};

/** Accepted: the result (announced, `kk-offer-answered` fired) and "Visa placeringen". */
export const OfferAccepted: Story = {
  name: 'Offer: accepted',
  args: { kommun: 'oversikt-ja' },
  beforeEach: gateway({ applications: [offered(10)] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Tacka ja till platsen');
    await click(canvasElement, 'Ja, tacka ja');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Du har tackat ja till platsen'));
  },
};

/** Declined. */
export const OfferDeclined: Story = {
  name: 'Offer: declined',
  args: { kommun: 'oversikt-nej' },
  beforeEach: gateway({ applications: [offered(2)] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Tacka nej');
    await click(canvasElement, 'Ja, tacka nej');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Du har tackat nej till platsen'));
  },
};

/** The reply-by day has passed: explained, with whom to contact, instead of the buttons. */
export const OfferExpired: Story = {
  name: 'Offer: the reply-by day passed',
  args: { kommun: 'oversikt-for-sent' },
  beforeEach: gateway({ applications: [offered(-2)] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-bo-offer]'))).toContain('Svarstiden gick ut'));
  },
};

/** "Vill du återkalla ansökan?": withdrawing, before an offer only. */
export const Withdraw: Story = {
  name: 'Withdraw: the confirm step',
  args: { kommun: 'oversikt-aterkalla' },
  beforeEach: gateway({ applications: [application()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Återkalla ansökan');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Vill du återkalla ansökan?'));
  },
};

/** Withdrawn. */
export const Withdrawn: Story = {
  name: 'Withdraw: withdrawn',
  args: { kommun: 'oversikt-aterkallad' },
  beforeEach: gateway({ applications: [application({ status: 'inskickad' })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Återkalla ansökan');
    await click(canvasElement, 'Ja, återkalla ansökan');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Ansökan är återkallad'));
  },
};

/** A message sent: in the thread, announced. */
export const MessageSent: Story = {
  name: 'Messages: one sent',
  args: { kommun: 'oversikt-meddelande' },
  beforeEach: gateway({ applications: [application({ messages: [kommunMessage('Har Vera några allergier?')] })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    const box = shadow(canvasElement).querySelector<HTMLTextAreaElement>('#kk-bo-thread-message')!;
    box.value = 'Vera är allergisk mot nötter.';
    box.dispatchEvent(new Event('input'));
    await click(canvasElement, 'Skicka meddelandet');
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-bo-message')).toHaveLength(2));
  },
};

/** An empty message: the error summary (with focus) links to the box. */
export const MessageEmpty: Story = {
  name: 'Messages: an empty message refused',
  args: { kommun: 'oversikt-tomt-meddelande' },
  beforeEach: gateway({ applications: [application()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Skicka meddelandet');
    await waitFor(() => expect(shadow(canvasElement).activeElement?.hasAttribute('data-kk-error-summary')).toBe(true));
  },
};

/** The other guardian reads an application the kommun asks both to agree on: "Bekräfta ansökan". */
export const OtherGuardian: Story = {
  name: 'Other guardian: confirm the application',
  args: { kommun: 'oversikt-bekrafta' },
  beforeEach: gateway({ applications: [application({ status: 'inskickad', sentByMe: false, sentBy: otherGuardian, otherGuardianConfirmation: 'vantar' })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-bo-confirm]'))).toContain('Erik Andersson har ansökt om plats'));
  },
};

/** Not there, or not the guardian's (404): said plainly, with the way back. */
export const NotFound: Story = {
  name: 'An application that is not there (404)',
  args: { kommun: 'oversikt-saknas' },
  beforeEach({ msw }) {
    const shown = application();
    msw.use(...overviewGateway({ applications: [shown] }).handlers);
    msw.use(
      http.get(`${overviewApi}/api/v1/:kommun/barnomsorg/applications/:id`, () =>
        Response.json({ type: 'urn:kommunkit:problem:not-found', title: 'Sidan eller uppgiften finns inte', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Vi hittade inte ansökan'));
  },
};

/** A placement's notice: the last day computed from the notice period, shown before sending. */
export const Notice: Story = {
  name: 'Placement: notice with the last day',
  args: { kommun: 'oversikt-uppsagning' },
  beforeEach: gateway({ placements: [placement()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Säg upp platsen');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-bo-last-day]'))).toContain('Sista dagen blir'));
  },
};

/** The notice sent: the placement is uppsagd, with its last day. */
export const NoticeGiven: Story = {
  name: 'Placement: notice given',
  args: { kommun: 'oversikt-uppsagd' },
  beforeEach: gateway({ placements: [placement()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Säg upp platsen');
    await click(canvasElement, 'Skicka uppsägningen');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Platsen är uppsagd'));
  },
};

/** In English. */
export const English: Story = {
  args: { kommun: 'oversikt-engelska', lang: 'en' },
  beforeEach: gateway({ applications: [offered(10), application()], placements: [placement()] }),
  play: async ({ canvasElement }) => listShown(canvasElement),
};
