import { initialState, Task, TaskStatus } from '@lit/task';
import { maxPurposeLength, maxSeasonWeeks } from '@kommunkit/contract/lokalbokning-rules';
import type { Forening, LokalSummary, NewSeasonRequest, SeasonOccurrence, SeasonPreview, SeasonRequest } from '@kommunkit/contract';
import { ApiError, type KommunkitClient, type User } from '@kommunkit/sdk';
import { getLokal, listLokaler, myForeningar } from '@kommunkit/sdk/lokalbokning';
import { createSeasonRequest, mySeasonRequests, previewSeasonRequest } from '@kommunkit/sdk/lokalbokning-mine';
import { AuthController, msg, str, formatDate, formatDateTime, formatMoney, formatTimeRange, FormController, getLocale, intlLocale, loadable, type FormRules } from '@kommunkit/ui';
import type { ReactiveController, TemplateResult } from 'lit';
import type { LokalbokningController } from '../controller.js';
import { seasonPage } from '../pages/season.js';
import type { SeasonOccurrenceItem, SeasonRequestItem, SeasonView } from '../pages/types.js';
import type { ViewContext } from '../views.js';
import { seasonStyles } from './season.styles.js';

/*
 * A förening's season request, a chunk of its own: the login gate; the föreningar the citizen
 * represents and the kommun's lokaler; the form; the occurrences and their conflicts from the
 * gateway's preview before anything is sent; the receipt; the föreningar's earlier requests.
 */

// A type, not an interface: FormController's values are a record.
type SeasonAnswers = {
  lokalId: string;
  forening: string;
  weekday: string;
  startTime: string;
  endTime: string;
  fromDate: string;
  toDate: string;
  purpose: string;
  attendees: string;
  acceptTerms: string[];
};

type Lang = ReturnType<typeof getLocale>;

const blank: SeasonAnswers = { lokalId: '', forening: '', weekday: '', startTime: '', endTime: '', fromDate: '', toDate: '', purpose: '', attendees: '', acceptTerms: [] };
const fieldNames = Object.keys(blank) as (keyof SeasonAnswers)[];
const idOf = (name: string): string => `kk-lb-season-${name}`;

/** "18:00", "18.00", "1800", "8:30" → "HH:MM"; undefined when it is no time of day. */
export function clockTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const dayNumber = (date: string): number | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // 2027-02-31 is not a date, though Date.UTC rolls it over.
  return new Date(time).toISOString().slice(0, 10) === date ? time / 86_400_000 : undefined;
};

/** Today in Sweden, `YYYY-MM-DD`. */
const today = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Monday … Sunday in the citizen's language (ISO weekday 1 … 7; 1 January 2024 was a Monday). */
const weekdayName = (weekday: number, lang: Lang): string => {
  const name = new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
  return name.charAt(0).toUpperCase() + name.slice(1);
};

const conflictText = (occurrence: SeasonOccurrence): string => {
  const what =
    occurrence.conflict === 'bokad'
      ? msg('Krockar med en annan bokning')
      : occurrence.conflict === 'stangt'
        ? msg('Lokalen är stängd')
        : occurrence.conflict === 'regel'
          ? msg('Går inte enligt lokalens bokningsregler')
          : msg('Ledig');
  return occurrence.conflict && occurrence.reason ? `${what}: ${occurrence.reason}` : what;
};

const occurrenceStatus = (status: SeasonOccurrence['status']): { label: string; tone: 'info' | 'success' | 'error' } =>
  status === 'beviljad' ? { label: msg('Beviljad'), tone: 'success' } : status === 'avslagen' ? { label: msg('Avslagen'), tone: 'error' } : { label: msg('Begärd'), tone: 'info' };

function occurrenceItems(occurrences: readonly SeasonOccurrence[], withStatus: boolean, lang: Lang): SeasonOccurrenceItem[] {
  return occurrences.map((occurrence) => ({
    date: formatDate(occurrence.start, lang),
    time: formatTimeRange(occurrence.start, occurrence.end, lang),
    free: occurrence.conflict === null,
    note: withStatus && occurrence.conflict === null ? '' : conflictText(occurrence),
    ...(withStatus ? { status: occurrenceStatus(occurrence.status) } : {}),
  }));
}

const priceText = (price: SeasonPreview['price'], lang: Lang): string => {
  const total = formatMoney(price.totalOre, lang, { fraction: 'auto' });
  return price.vatOre > 0 ? msg(str`${total}, varav moms ${formatMoney(price.vatOre, lang, { fraction: 'auto' })}`) : total;
};

/** A key for one logical request: the same on a resend after no answer, a new one once the answers change. */
const freshKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

interface Setup {
  foreningar: Forening[];
  lokaler: LokalSummary[];
}

class Season implements ReactiveController {
  readonly auth: AuthController;
  readonly form: FormController<SeasonAnswers>;
  readonly setup: Task<[KommunkitClient | undefined, User | null | undefined], Setup>;
  readonly requests: Task<[KommunkitClient | undefined, User | null | undefined, number], SeasonRequest[]>;
  readonly terms: Task<[KommunkitClient | undefined, string], string | undefined>;
  /** The request previewed and what the gateway said of it; dropped when an answer changes. */
  preview: { request: NewSeasonRequest; result: SeasonPreview } | undefined;
  previewBusy = false;
  sending = false;
  message: string | undefined;
  sendError: string | undefined;
  receipt: string | undefined;
  private key = freshKey();
  private sent = 0;
  private focus: string | undefined;

  constructor(private readonly c: LokalbokningController) {
    this.auth = new AuthController(c.host, { client: () => c.options.client() });
    this.form = new FormController<SeasonAnswers>(c.host, {
      initial: blank,
      idFor: idOf,
      rules: this.rules(),
      onChange: () => {
        // The conflicts shown were for other answers.
        if (this.preview) this.preview = undefined;
        this.key = freshKey();
        this.sendError = undefined;
      },
    });
    this.setup = new Task(c.host, {
      task: async ([client, user], { signal }) => {
        if (!client || !user) return initialState;
        const [foreningar, page] = await Promise.all([myForeningar(client, { signal }), listLokaler(client, { pageSize: 100 }, { signal })]);
        const only = foreningar.length === 1 ? foreningar[0] : undefined;
        if (only && !this.form.values.forening) this.form.setAll({ forening: only.organisationsnummer });
        return { foreningar, lokaler: page.items };
      },
      args: () => [c.options.client(), this.auth.user],
    });
    this.requests = new Task(c.host, {
      task: async ([client, user], { signal }) => (client && user ? mySeasonRequests(client, { signal }) : initialState),
      args: () => [c.options.client(), this.auth.user, this.sent],
    });
    this.terms = new Task(c.host, {
      task: async ([client, lokalId], { signal }) => (client && lokalId ? ((await getLokal(client, lokalId, { signal }))?.terms ?? undefined) : initialState),
      args: () => [c.options.client(), this.form.values.lokalId],
    });
    c.host.addController(this);
  }

  private rules(): FormRules<SeasonAnswers> {
    const values = () => this.form.values;
    const time = (value: string) => (clockTime(value) ? undefined : msg('Skriv tiden i timmar och minuter, till exempel 18:00'));
    return {
      lokalId: { required: () => msg('Välj en lokal') },
      forening: { required: () => msg('Välj vilken förening som ansöker') },
      weekday: { required: () => msg('Välj veckodag') },
      startTime: { required: () => msg('Skriv när tiden börjar'), validate: time },
      endTime: {
        required: () => msg('Skriv när tiden slutar'),
        validate: (value) => {
          const end = clockTime(value);
          const start = clockTime(values().startTime);
          if (!end) return time(value);
          return start && end <= start ? msg('Tiden måste sluta efter att den börjar') : undefined;
        },
      },
      fromDate: {
        required: () => msg('Skriv första datum'),
        validate: (value) => (dayNumber(value) === undefined ? msg('Skriv ett riktigt datum') : value < today() ? msg('Första datum kan inte ha passerat') : undefined),
      },
      toDate: {
        required: () => msg('Skriv sista datum'),
        validate: (value) => {
          const to = dayNumber(value);
          const from = dayNumber(values().fromDate);
          if (to === undefined) return msg('Skriv ett riktigt datum');
          if (from === undefined) return undefined;
          if (to < from) return msg('Sista datum kan inte vara före första datum');
          return to - from >= maxSeasonWeeks * 7 ? msg(str`En säsong kan vara högst ${maxSeasonWeeks} veckor`) : undefined;
        },
      },
      purpose: {
        required: () => msg('Skriv vad lokalen ska användas till'),
        validate: (value) => (value.trim().length > maxPurposeLength ? msg(str`Skriv högst ${maxPurposeLength} tecken`) : undefined),
      },
      attendees: {
        validate: (value) => (/^\d{1,6}$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 100_000 ? undefined : msg('Skriv antalet som en siffra, till exempel 20')),
      },
      acceptTerms: { required: () => msg('Du behöver godkänna villkoren för att kunna ansöka') },
    };
  }

  hostUpdated(): void {
    const selector = this.focus;
    if (!selector) return;
    this.focus = undefined;
    this.c.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private update(focus?: string): void {
    if (focus) this.focus = focus;
    this.c.host.requestUpdate();
  }

  private request(): NewSeasonRequest {
    const v = this.form.values;
    return {
      lokalId: v.lokalId,
      forening: v.forening,
      weekday: Number(v.weekday),
      startTime: clockTime(v.startTime)!,
      endTime: clockTime(v.endTime)!,
      fromDate: v.fromDate,
      toDate: v.toDate,
      purpose: v.purpose.trim(),
      ...(v.attendees.trim() ? { attendees: Number(v.attendees) } : {}),
      acceptTerms: true,
    };
  }

  /** The gateway's verdict on a request: its field errors go on the fields (undefined), as does a session's end; else one message. */
  private refused(error: unknown): string | undefined {
    if (error instanceof ApiError) {
      if (error.status === 401) {
        this.auth.sessionEnded();
        return undefined;
      }
      const fields: Partial<Record<keyof SeasonAnswers, string>> = {};
      for (const name of fieldNames) {
        const found = error.fieldError(name);
        if (found) fields[name] = found;
      }
      if (Object.keys(fields).length > 0) {
        this.preview = undefined;
        this.form.setErrors(fields);
        return undefined;
      }
      if (error.status === 403) return msg('Du kan inte ansöka för den föreningen. Välj en förening som du företräder, eller kontakta kommunen.');
      // Any other verdict (a 409, a 422 without a field) is the gateway's own words: not "unreachable".
      if (error.status < 500) return error.detail ?? error.title;
      return msg('Kommunen kan inte ta emot ansökan just nu. Dina svar finns kvar. Försök igen om en stund.');
    }
    return msg('Det gick inte att nå kommunen just nu. Kontrollera din internetanslutning och försök igen.');
  }

  async showPreview(): Promise<void> {
    const client = this.c.options.client();
    if (!client || this.previewBusy || !this.form.submit()) return;
    const request = this.request();
    this.previewBusy = true;
    this.message = undefined;
    this.update();
    try {
      const result = await previewSeasonRequest(client, request);
      this.preview = { request, result };
      this.sendError = undefined;
      this.update('[data-kk-preview] [data-kk-focus-target]');
    } catch (error) {
      this.message = this.refused(error);
      if (this.message) this.update(`#${idOf('lokalId')}`);
    } finally {
      this.previewBusy = false;
      this.update();
    }
  }

  async send(): Promise<void> {
    const client = this.c.options.client();
    const preview = this.preview;
    if (!client || !preview || this.sending) return;
    this.sending = true;
    this.sendError = undefined;
    this.update();
    try {
      const created = await createSeasonRequest(client, preview.request, { idempotencyKey: this.key });
      this.receipt = created.reference;
      this.preview = undefined;
      this.key = freshKey();
      this.sent += 1;
      this.update('.kk-panel [data-kk-focus-target]');
    } catch (error) {
      this.sendError = this.refused(error);
    } finally {
      this.sending = false;
      this.update();
    }
  }

  startOver(): void {
    const forening = this.setup.value?.foreningar.length === 1 ? this.form.values.forening : '';
    this.form.setAll({ ...blank, forening });
    this.form.setErrors({}, false);
    this.receipt = undefined;
    this.message = undefined;
    this.update('[data-kk-focus-target]');
  }
}

const states = new WeakMap<LokalbokningController, Season>();
const seasonOf = (c: LokalbokningController): Season => {
  let season = states.get(c);
  if (!season) states.set(c, (season = new Season(c)));
  return season;
};

function requestItem(request: SeasonRequest, lang: Lang): SeasonRequestItem {
  const granted = request.occurrences.filter((o) => o.status === 'beviljad').length;
  const refused = request.occurrences.filter((o) => o.status === 'avslagen').length;
  return {
    id: request.id,
    reference: request.reference,
    title: `${request.lokalName}, ${weekdayName(request.weekday, lang)} ${request.startTime}–${request.endTime}`,
    status: request.status === 'beslutad' ? { label: msg('Beslutad'), tone: 'success' } : { label: msg('Inskickad'), tone: 'info' },
    outcome: request.status === 'beslutad' ? msg(str`Beviljade tider: ${granted}. Avslagna: ${refused}.`) : msg('Kommunen har inte beslutat än.'),
    rows: [
      { key: msg('Förening'), value: request.forening.name },
      { key: msg('Period'), value: `${formatDate(request.fromDate, lang)} – ${formatDate(request.toDate, lang)}` },
      { key: msg('Referensnummer'), value: request.reference },
      { key: msg('Skickad'), value: formatDateTime(request.createdAt, lang) },
    ],
    occurrences: occurrenceItems(request.occurrences, true, lang),
  };
}

export function seasonView(c: LokalbokningController, context: ViewContext): SeasonView {
  const season = seasonOf(c);
  const { form } = season;
  const lang = getLocale();
  const setup = season.setup.status === TaskStatus.COMPLETE ? season.setup.value : undefined;
  const field = <K extends keyof SeasonAnswers>(name: K) => form.bind(name);
  const preview = season.preview;
  return {
    headingLevel: context.headingLevel,
    page: 'season',
    auth: season.auth,
    setup: loadable(season.setup, (value) => ({ none: value.foreningar.length === 0 })),
    form:
      setup && setup.foreningar.length > 0
        ? {
            lokal: { ...field('lokalId'), choices: setup.lokaler.map((lokal) => ({ value: lokal.id, label: lokal.name })) },
            forening: { ...field('forening'), choices: setup.foreningar.map((f) => ({ value: f.organisationsnummer, label: `${f.name} (${f.organisationsnummer})` })) },
            weekday: { ...field('weekday'), choices: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(day, lang) })) },
            startTime: field('startTime'),
            endTime: field('endTime'),
            fromDate: { ...field('fromDate'), min: today() },
            toDate: { ...field('toDate'), min: form.values.fromDate || today() },
            purpose: field('purpose'),
            attendees: field('attendees'),
            acceptTerms: field('acceptTerms'),
            terms: season.terms.status === TaskStatus.COMPLETE ? season.terms.value : undefined,
            errors: form.summary(),
            message: season.message,
            previewBusy: season.previewBusy,
            onPreview: () => void season.showPreview(),
          }
        : undefined,
    preview: preview
      ? {
          occurrences: occurrenceItems(preview.result.occurrences, false, lang),
          freeCount: preview.result.occurrences.filter((o) => o.conflict === null).length,
          price: priceText(preview.result.price, lang),
          busy: season.sending,
          error: season.sendError,
          onSend: () => void season.send(),
        }
      : undefined,
    receipt: season.receipt ? { reference: season.receipt, onNew: () => season.startOver() } : undefined,
    requests: loadable(season.requests, (requests) => requests.map((request) => requestItem(request, lang))),
    onFind: () => c.showView('sok'),
  };
}

/** The page of the season request. */
export const render = (c: LokalbokningController, context: ViewContext): TemplateResult => seasonPage(seasonView(c, context));

/** Styles of the occurrence lists beyond the element's own. */
export const styles = [seasonStyles];
