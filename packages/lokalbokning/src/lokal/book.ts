import { cancellableUntil, maxPurposeLength, priceFor } from '@kommunkit/contract/lokalbokning-rules';
import type { KommunkitClient } from '@kommunkit/sdk';
import { ApiError } from '@kommunkit/sdk';
import { bookingCalendarUrl, createBooking, myForeningar, SlotTakenError, type Booking, type Forening, type Lokal, type Slot } from '@kommunkit/sdk/lokalbokning';
import {
  alert,
  AuthController,
  backLink,
  button,
  characterLength,
  checkboxes,
  formatDateTime,
  formatMoney,
  formatTimeRange,
  FormController,
  heading,
  loginGate,
  msg,
  questionPage,
  radios,
  select,
  spinner,
  str,
  subLevel,
  textarea,
  textField,
  type HeadingLevel,
  type LoginReturn,
} from '@kommunkit/ui';
import { initialState, Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, type LokalbokningController } from '../controller.js';

/*
 * Booking a chosen time: the login gate (asked only here), the form with the price, the send,
 * a time taken meanwhile (409, with the nearest free times), and the receipt.
 */

type BookValues = { minutes: string; purpose: string; attendees: string; as: string; terms: string[] };

const storageKey = (client: KommunkitClient): string => `kommunkit:lokalbokning-book:${client.kommun}`;

/** The chosen lokal, time and answers, kept across the login round trip (sessionStorage; unreadable counts as absent). */
export function readPending(client: KommunkitClient): { lokalId: string; slot: Slot; values: BookValues } | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(client)) ?? 'null') as { lokalId?: unknown; slot?: Slot; values?: BookValues } | null;
    if (!saved || typeof saved.lokalId !== 'string' || typeof saved.slot?.start !== 'string' || typeof saved.slot.end !== 'string' || !saved.values) return undefined;
    return { lokalId: saved.lokalId, slot: saved.slot, values: saved.values };
  } catch {
    return undefined;
  }
}

function writePending(client: KommunkitClient, pending: { lokalId: string; slot: Slot; values: BookValues } | undefined): void {
  try {
    if (pending) sessionStorage.setItem(storageKey(client), JSON.stringify(pending));
    else sessionStorage.removeItem(storageKey(client));
  } catch {
    // Blocked storage: only the login round trip forgets the choice.
  }
}

/** A new idempotency key (`randomUUID` needs a secure context; a kommun page may be plain http). */
const freshKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The login gate's login, which first keeps the chosen lokal, time and answers for the way back. */
class BookAuth extends AuthController {
  constructor(
    c: LokalbokningController,
    private readonly beforeLogin: () => void,
  ) {
    super(c.host, { client: () => c.options.client() });
  }

  override login(returnTo: LoginReturn = {}): void {
    this.beforeLogin();
    super.login(returnTo);
  }
}

export class BookState {
  readonly form: FormController<BookValues>;
  readonly auth: AuthController;
  readonly foreningar: Task<[KommunkitClient | undefined, unknown], Forening[]>;
  slot: Slot | undefined;
  lokal: Lokal | undefined;
  busy = false;
  error: string | undefined;
  alternatives: Slot[] | undefined;
  booking: Booking | undefined;
  /** The week's free slots, for an end time with the gateway's own offset. */
  free: readonly Slot[] = [];
  /**
   * The idempotency key of the last request sent and that request: a resend of the same answers
   * after no answer (or a 5xx) carries the same key, so a booking made whose answer was lost is
   * not made twice; other answers, or a verdict from the gateway, get a new key.
   */
  private sent: { key: string; body: string } | undefined;

  constructor(private readonly c: LokalbokningController) {
    this.auth = new BookAuth(c, () => this.keep());
    this.form = new FormController<BookValues>(c.host, {
      initial: { minutes: '', purpose: '', attendees: '', as: 'privat', terms: [] },
      idFor: fieldId,
      rules: {
        minutes: { required: () => msg('Välj hur länge du vill boka') },
        purpose: {
          required: () => msg('Skriv vad lokalen ska användas till'),
          validate: (value) => (characterLength(value) > maxPurposeLength ? msg(str`Skriv högst ${maxPurposeLength} tecken`) : undefined),
        },
        attendees: {
          validate: (value) => {
            const capacity = this.lokal?.capacity ?? Infinity;
            if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1) return msg('Skriv antalet som en siffra, till exempel 20');
            return Number(value) > capacity ? msg(str`Lokalen har plats för högst ${capacity} personer`) : undefined;
          },
        },
        terms: { required: () => msg('Du behöver godkänna villkoren för att kunna boka') },
      },
    });
    this.foreningar = new Task(c.host, {
      task: async ([client, user], { signal }) => (client && user ? myForeningar(client, { signal }) : initialState),
      args: () => [c.options.client(), this.auth.user],
    });
  }

  /** Starts booking `slot` of `lokal`. */
  start(lokal: Lokal, slot: Slot, values?: BookValues): void {
    this.lokal = lokal;
    this.slot = slot;
    this.alternatives = undefined;
    this.error = undefined;
    this.booking = undefined;
    this.sent = undefined;
    this.form.setAll(values ?? { minutes: String(lokal.rules.minMinutes), purpose: '', attendees: '', as: 'privat', terms: [] });
    this.c.showPage('book');
  }

  keep(): void {
    const client = this.c.options.client();
    if (client && this.lokal && this.slot) writePending(client, { lokalId: this.lokal.id, slot: this.slot, values: this.form.values });
  }

  /** Lengths allowed from the chosen start: min..max in steps of the interval, as far as the free slots run on. */
  lengths(free: readonly Slot[]): number[] {
    const lokal = this.lokal;
    const slot = this.slot;
    if (!lokal || !slot) return [];
    const { minMinutes, maxMinutes, startIntervalMinutes } = lokal.rules;
    let runEnd = slot.end;
    for (const next of free) if (next.start === runEnd) runEnd = next.end;
    const available = Math.max((Date.parse(runEnd) - Date.parse(slot.start)) / 60_000, (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);
    const lengths: number[] = [];
    for (let m = minMinutes; m <= Math.min(maxMinutes, available); m += startIntervalMinutes) lengths.push(m);
    return lengths;
  }

  customerType(): 'privatperson' | 'forening' {
    return this.form.values.as === 'privat' ? 'privatperson' : 'forening';
  }

  async submit(): Promise<void> {
    const client = this.c.options.client();
    const lokal = this.lokal;
    const slot = this.slot;
    if (!client || !lokal || !slot || this.busy || !this.form.submit()) return;
    const v = this.form.values;
    const endMs = Date.parse(slot.start) + Number(v.minutes) * 60_000;
    const end = [slot, ...this.free].find((s) => Date.parse(s.end) === endMs)?.end ?? new Date(endMs).toISOString();
    this.busy = true;
    this.error = undefined;
    this.alternatives = undefined;
    this.c.host.requestUpdate();
    const body = {
      lokalId: lokal.id,
      start: slot.start,
      end,
      purpose: v.purpose.trim(),
      ...(v.attendees.trim() ? { attendees: Number(v.attendees) } : {}),
      ...(v.as === 'privat' ? {} : { forening: v.as }),
      acceptTerms: true as const,
    };
    const json = JSON.stringify(body);
    if (this.sent?.body !== json) this.sent = { key: freshKey(), body: json };
    try {
      const booking = await createBooking(client, body, { idempotencyKey: this.sent.key });
      this.booking = booking;
      writePending(client, undefined);
      this.c.options.onConfirmed({ bookingId: booking.id, lokalId: booking.lokalId, start: booking.start, end: booking.end, status: booking.status === 'bekraftad' ? 'bekraftad' : 'preliminar' });
      this.c.showPage('receipt');
    } catch (error) {
      // The gateway's verdict on these answers: a resend is a new request.
      if (error instanceof ApiError && error.status < 500) this.sent = undefined;
      if (error instanceof SlotTakenError) {
        this.alternatives = error.alternatives;
        this.error = msg('Tiden hann bokas av någon annan.');
      } else if (error instanceof ApiError && error.status === 422 && error.fieldErrors.size > 0) {
        const errors: Partial<Record<keyof BookValues, string>> = {};
        for (const [pointer, detail] of error.fieldErrors) {
          const name = pointer.split('/').pop() ?? '';
          const field = name === 'acceptTerms' ? 'terms' : name === 'forening' ? 'as' : name === 'start' || name === 'end' ? 'minutes' : name;
          if (field in this.form.values) errors[field as keyof BookValues] = detail;
        }
        this.form.setErrors(errors);
      } else this.error = error instanceof ApiError && error.status < 500 ? (error.detail ?? error.title) : msg('Det gick inte att boka just nu. Dina svar finns kvar. Försök igen om en stund.');
    } finally {
      this.busy = false;
      this.c.host.requestUpdate();
    }
  }

  /** One of the alternatives offered after a 409. */
  chooseAlternative(slot: Slot): void {
    if (!this.lokal) return;
    const minutes = String((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);
    this.start(this.lokal, slot, { ...this.form.values, minutes });
  }
}

function priceText(state: BookState): string | undefined {
  const row = state.lokal?.prices.find((p) => p.customerType === state.customerType()) ?? state.lokal?.prices.find((p) => p.customerType === 'privatperson');
  const minutes = Number(state.form.values.minutes);
  if (!row || !minutes) return undefined;
  const price = priceFor(row.perHourOre, minutes, row.vatPercent);
  const total = formatMoney(price.totalOre);
  const vat = formatMoney(price.vatOre);
  return msg(str`${total}, varav moms ${vat}`);
}

/** `free` is the slot's week's free slots, or undefined while they load. */
export function bookPage(c: LokalbokningController, state: BookState, free: readonly Slot[] | undefined, level: HeadingLevel): TemplateResult {
  const lokal = state.lokal!;
  const slot = state.slot!;
  state.free = free ?? [];
  const back = () => c.showPage('lokal');
  const form = state.form;
  const when = formatDateTime(slot.start);
  const content = () => {
    const foreningar = state.foreningar.value ?? [];
    const until = cancellableUntil(new Date(slot.start), lokal.rules.cancelBeforeHours);
    const price = priceText(state);
    return questionPage({
      headingLevel: level,
      title: msg(str`Boka ${lokal.name}`),
      back,
      errors: form.summary(),
      onSubmit: () => void state.submit(),
      content: html`${state.error
          ? alert({
              tone: 'error',
              title: state.error,
              headingLevel: subLevel(level),
              body: state.alternatives
                ? state.alternatives.length > 0
                  ? html`<p>${msg('Välj en av de närmaste lediga tiderna:')}</p>
                      <ul class="kk-lok-alternatives">
                        ${state.alternatives.map((alt) => html`<li>${button({ label: `${formatDateTime(alt.start)}, ${formatTimeRange(alt.start, alt.end)}`, variant: 'secondary', onClick: () => state.chooseAlternative(alt) })}</li>`)}
                      </ul>`
                  : html`<p>${msg('Det finns ingen annan ledig tid nära. Välj en ny tid i veckovyn.')}</p>`
                : nothing,
            })
          : nothing}
        <p>${msg(str`Starttid: ${when}`)}</p>
        ${free
          ? select({ ...form.bind('minutes'), label: msg('Hur länge?'), choices: state.lengths(free).map((m) => ({ value: String(m), label: msg(str`${m} minuter`) })) })
          : spinner({ label: msg('Hämtar lediga tider…') })}
        ${foreningar.length > 0
          ? radios({
              ...form.bind('as'),
              label: msg('Vem bokar?'),
              choices: [{ value: 'privat', label: msg('Jag själv') }, ...foreningar.map((f) => ({ value: f.organisationsnummer, label: f.name }))],
            })
          : nothing}
        ${textarea({ ...form.bind('purpose'), label: msg('Vad ska lokalen användas till?'), count: { max: maxPurposeLength } })}
        ${textField({ ...form.bind('attendees'), label: msg('Hur många kommer?'), hint: msg(str`Högst ${lokal.capacity}`), optional: true, inputmode: 'numeric', width: 5 })}
        <p class="kk-lok-price" role="status">${price ? msg(str`Pris: ${price}`) : nothing}</p>
        <p>${until ? msg(str`Du kan avboka fram till ${formatDateTime(until)}.`) : msg('Du kan inte avboka själv.')}</p>
        ${heading({ level: subLevel(level), className: 'kk-heading kk-group-heading' }, msg('Villkor'))}
        <p>${lokal.terms}</p>
        ${checkboxes({ ...form.bind('terms'), label: msg('Villkor'), choices: [{ value: 'ja', label: msg('Jag har läst och godkänner villkoren') }] })}
        ${button({ label: lokal.approval === 'instant' ? msg('Boka') : msg('Skicka bokningsförfrågan'), type: 'submit', busy: state.busy })}`,
    });
  };
  return html`${loginGate(state.auth, {
    headingLevel: level,
    title: msg('Logga in för att boka'),
    reason: msg('Du behöver logga in med e-legitimation för att boka. Tiden du valt finns kvar när du kommer tillbaka.'),
    content,
  })}${state.auth.state === 'authenticated' ? nothing : backLink({ onClick: back })}`;
}

export function receiptPage(c: LokalbokningController, state: BookState, level: HeadingLevel): TemplateResult {
  const booking = state.booking!;
  const client = c.options.client();
  const confirmed = booking.status === 'bekraftad';
  return html`${heading({ level, focusTarget: true }, confirmed ? msg('Din bokning är bekräftad') : msg('Din bokning är preliminär'))}
    <dl class="kk-lok-facts">
      <div><dt>${msg('Referensnummer')}</dt><dd>${booking.reference}</dd></div>
      <div><dt>${msg('Lokal')}</dt><dd>${booking.lokalName}</dd></div>
      <div><dt>${msg('Tid')}</dt><dd>${formatDateTime(booking.start)}, ${formatTimeRange(booking.start, booking.end)}</dd></div>
      <div><dt>${msg('Status')}</dt><dd>${confirmed ? msg('Bekräftad') : msg('Preliminär (väntar på besked)')}</dd></div>
      <div><dt>${msg('Pris')}</dt><dd>${formatMoney(booking.price.totalOre)}</dd></div>
    </dl>
    ${heading({ level: subLevel(level), className: 'kk-heading kk-group-heading' }, msg('Vad händer nu?'))}
    <p>${confirmed ? msg('Tiden är din. Du får fakturan från kommunen efteråt.') : msg('Din bokning är preliminär tills kommunen bekräftar den. Du ser beskedet under Mina bokningar.')}</p>
    ${client ? html`<p><a href=${bookingCalendarUrl(client, booking.id)} download>${msg('Lägg in bokningen i din kalender (.ics)')}</a></p>` : nothing}
    ${button({ label: msg('Mina bokningar'), variant: 'secondary', onClick: () => c.showView('mina') })}`;
}
