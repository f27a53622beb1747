import type { KommunkitClient } from '@kommunkit/sdk';
import { getAvailability, getLokal, type Availability, type Lokal, type Slot } from '@kommunkit/sdk/lokalbokning';
import { priceFor } from '@kommunkit/contract/lokalbokning-rules';
import { alert, backLink, button, formatDate, formatMoney, formatTime, formatTimeRange, GridController, heading, msg, plural, slotGrid, spinner, str, subLevel } from '@kommunkit/ui';
import { initialState, Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type CSSResult, type ReactiveController, type TemplateResult } from 'lit';
import type { LokalbokningController } from '../controller.js';
import { factLabel, typeLabel } from '../labels.js';
import { addDays, stockholmToday } from '../time.js';
import type { ViewContext } from '../views.js';
import { BookState, bookPage, readPending, receiptPage } from './book.js';

/*
 * The lokal page, a chunk of its own: facts, images, prices, the rules in plain words, terms,
 * and the week of free times as a keyboard grid with the same times as a list per day.
 */

const weekdays = (): string[] => [msg('måndag'), msg('tisdag'), msg('onsdag'), msg('torsdag'), msg('fredag'), msg('lördag'), msg('söndag')];

/** Monday of the week of `date` (`YYYY-MM-DD`). */
function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The date in Stockholm of an instant with offset: its first ten characters are the wall date. */
const dateOf = (instant: string): string => instant.slice(0, 10);
const clockOf = (instant: string): string => instant.slice(11, 16);

class LokalState implements ReactiveController {
  weekStart = mondayOf(stockholmToday());
  selected: Slot | undefined;
  readonly lokal: Task<[KommunkitClient | undefined, string], Lokal | null>;
  readonly availability: Task<[KommunkitClient | undefined, string, string], Availability>;
  readonly grid: GridController;

  constructor(
    private readonly c: LokalbokningController,
    private readonly book: BookState,
  ) {
    // Added before its Tasks, so that each update's resume below comes before they read their arguments.
    c.host.addController(this);
    this.lokal = new Task(c.host, {
      task: async ([client, id], { signal }) => (client && id ? getLokal(client, id, { signal }) : initialState),
      args: () => [c.options.client(), c.lokalId],
    });
    this.availability = new Task(c.host, {
      task: async ([client, id, from], { signal }) => (client && id ? getAvailability(client, id, { from, to: addDays(from, 6) }, { signal }) : initialState),
      args: () => [c.options.client(), c.lokalId, this.weekStart],
    });
    this.grid = new GridController(c.host, {
      id: 'kk-lok-week',
      rows: () => this.times().length,
      columns: () => 7,
      isDisabled: ({ row, column }) => this.slotAt(row, column) === undefined,
      onSelect: ({ row, column }) => this.choose(this.slotAt(row, column)),
    });
  }

  /**
   * Back from the login on the book page: the time chosen before it, and its week, so the
   * lengths on offer run as far as the free slots after it; once the lokal is in, its book page
   * with the answers kept. Nothing kept (or unreadable): the lokal's page.
   */
  hostUpdate(): void {
    const c = this.c;
    if (c.page !== 'book' || this.book.slot) return;
    const client = c.options.client();
    const pending = client ? readPending(client) : undefined;
    if (pending?.lokalId !== c.lokalId) {
      c.showPage('lokal', false);
      return;
    }
    this.weekStart = mondayOf(dateOf(pending.slot.start));
    this.selected = pending.slot;
    const lokal = this.lokal.value;
    if (lokal?.id === c.lokalId) this.book.start(lokal, pending.slot, pending.values);
  }

  /** The start times (HH:MM) of the week's free slots, in order: the grid's rows. */
  times(): string[] {
    const slots = this.availability.value?.slots ?? [];
    return [...new Set(slots.map((slot) => clockOf(slot.start)))].sort();
  }

  slotAt(row: number, column: number): Slot | undefined {
    const time = this.times()[row];
    const date = addDays(this.weekStart, column);
    return this.availability.value?.slots.find((slot) => dateOf(slot.start) === date && clockOf(slot.start) === time);
  }

  choose(slot: Slot | undefined): void {
    if (!slot) return;
    this.selected = slot;
    this.c.host.requestUpdate();
  }

  moveWeek(weeks: number): void {
    this.weekStart = addDays(this.weekStart, weeks * 7);
    this.c.host.requestUpdate();
  }

  /** "Nästa lediga tid": its week, with the slot chosen and focused in the grid. */
  jumpTo(slot: Slot): void {
    this.weekStart = mondayOf(dateOf(slot.start));
    this.selected = slot;
    this.c.host.requestUpdate();
    void this.availability.taskComplete.then(() => {
      const row = this.times().indexOf(clockOf(slot.start));
      const column = Math.round((Date.parse(`${dateOf(slot.start)}T12:00:00Z`) - Date.parse(`${this.weekStart}T12:00:00Z`)) / 86_400_000);
      if (row >= 0) this.grid.focus({ row, column });
    });
  }
}

const key = {};
const bookKey = {};

function customerLabel(type: string): string {
  return type === 'privatperson' ? msg('Privatperson') : type === 'forening' ? msg('Förening') : msg('Företag');
}

/** "1 timme", "2 timmar", "90 minuter": whole hours as hours, else minutes. */
function duration(minutes: number): string {
  if (minutes % 60 !== 0) return plural(minutes, { one: msg(str`${minutes} minut`), other: msg(str`${minutes} minuter`) });
  const hours = minutes / 60;
  return plural(hours, { one: msg(str`${hours} timme`), other: msg(str`${hours} timmar`) });
}

/** The rules of a lokal as sentences. */
function rulesText(lokal: Lokal): string[] {
  const r = lokal.rules;
  const days = weekdays();
  const lines = r.openingHours.map((hours) => {
    const day = days[hours.weekday - 1] ?? '';
    const { open, close } = hours;
    return msg(str`Öppet ${day} ${open}–${close}`);
  });
  if (!r.openOnPublicHolidays) lines.push(msg('Stängt helgdagar'));
  const { bookAheadDays, minMinutes, maxMinutes } = r;
  lines.push(plural(bookAheadDays, { one: msg(str`Du kan boka högst ${bookAheadDays} dag framåt`), other: msg(str`Du kan boka högst ${bookAheadDays} dagar framåt`) }));
  if (r.minNoticeMinutes > 0) lines.push(msg(str`Boka senast ${duration(r.minNoticeMinutes)} innan tiden börjar`));
  lines.push(minMinutes === maxMinutes ? msg(str`En bokning är ${minMinutes} minuter lång`) : msg(str`En bokning är ${minMinutes}–${maxMinutes} minuter lång`));
  if (r.cancelBeforeHours === null) lines.push(msg('Du kan inte avboka själv'));
  else if (r.cancelBeforeHours === 0) lines.push(msg('Du kan avboka fram till att tiden börjar'));
  else lines.push(msg(str`Du kan avboka fram till ${duration(r.cancelBeforeHours * 60)} innan tiden börjar`));
  lines.push(r.approval === 'instant' ? msg('Bokningen bekräftas direkt') : msg('Din bokning är preliminär tills kommunen bekräftar'));
  return lines;
}

function freeList(state: LokalState, availability: Availability, level: ReturnType<typeof subLevel>): TemplateResult {
  const days = weekdays();
  return html`<div class="kk-lok-freelist">
    ${heading({ level, className: 'kk-heading kk-group-heading' }, msg('Lediga tider som lista'))}
    ${[0, 1, 2, 3, 4, 5, 6].map((offset) => {
      const date = addDays(state.weekStart, offset);
      const slots = availability.slots.filter((slot) => dateOf(slot.start) === date);
      const closed = availability.closedDates.find((d) => d.date === date);
      const dayName = days[offset] ?? '';
      const label = `${dayName} ${formatDate(date)}`;
      return html`<div class="kk-lok-freelist__day">
        <p class="kk-lok-freelist__date"><strong>${label}</strong>${closed ? html`: ${msg(str`Stängt (${closed.reason})`)}` : nothing}</p>
        ${slots.length === 0
          ? closed
            ? nothing
            : html`<p>${msg('Inga lediga tider')}</p>`
          : html`<ul class="kk-lok-freelist__times">
              ${slots.map(
                (slot) => html`<li>
                  <button type="button" class="kk-link-button" aria-pressed=${state.selected?.start === slot.start ? 'true' : 'false'} @click=${() => state.choose(slot)}>
                    ${formatTimeRange(slot.start, slot.end)}<span class="kk-visually-hidden">, ${label}</span>
                  </button>
                </li>`,
              )}
            </ul>`}
      </div>`;
    })}
  </div>`;
}

/** The week's free times; `chosen` (the chosen time and its button) right after the grid, so the keyboard reaches it before the list. */
function week(state: LokalState, level: ReturnType<typeof subLevel>, chosen: TemplateResult): TemplateResult {
  const task = state.availability;
  const availability = task.value;
  const days = weekdays();
  const to = addDays(state.weekStart, 6);
  const span = `${formatDate(state.weekStart)}–${formatDate(to)}`;
  const nav = html`<div class="kk-lok-weeknav">
    ${button({ label: msg('Föregående vecka'), variant: 'secondary', onClick: () => state.moveWeek(-1) })}
    ${button({ label: msg('Nästa vecka'), variant: 'secondary', onClick: () => state.moveWeek(1) })}
  </div>`;
  let body: unknown;
  if (task.error !== undefined && !availability)
    body = alert({ tone: 'error', body: html`<p>${msg('Vi kunde inte hämta de lediga tiderna.')}</p>${button({ label: msg('Försök igen'), variant: 'secondary', onClick: () => void task.run() })}` });
  else if (!availability || availability.from !== state.weekStart) body = spinner({ label: msg('Hämtar lediga tider…') });
  else {
    const times = state.times();
    const next = availability.nextFree;
    body = html`${next
        ? html`<p>${button({ label: msg(str`Nästa lediga tid: ${formatDate(next.start)} ${formatTime(next.start)}`), variant: 'secondary', onClick: () => state.jumpTo(next) })}</p>`
        : html`<p>${msg('Det finns inga lediga tider att boka just nu.')}</p>`}
      ${times.length === 0
        ? html`<p>${msg('Inga lediga tider den här veckan.')}</p>`
        : slotGrid(state.grid, {
            caption: msg(str`Lediga tider ${span}`),
            columns: [0, 1, 2, 3, 4, 5, 6].map((offset) => ({ id: addDays(state.weekStart, offset), label: `${days[offset] ?? ''} ${formatDate(addDays(state.weekStart, offset))}` })),
            rows: times.map((time) => ({ id: time, label: time })),
            slot: (row, column) => {
              const slot = state.slotAt(row, column);
              return slot ? { id: slot.start } : undefined;
            },
            selected: state.selected?.start,
          })}
      ${chosen} ${freeList(state, availability, subLevel(level))}`;
  }
  return html`<section class="kk-lok-week">
    ${heading({ level, className: 'kk-heading kk-group-heading' }, msg(str`Lediga tider ${span}`))} ${nav} ${body}
  </section>`;
}

function lokalPage(c: LokalbokningController, state: LokalState, lokal: Lokal, context: ViewContext, book: BookState): TemplateResult {
  const level = subLevel(context.headingLevel);
  const chosen = state.selected;
  const privat = lokal.prices.find((p) => p.customerType === 'privatperson') ?? lokal.prices[0];
  return html`${backLink({ onClick: () => c.showPage('find') })}
    ${heading({ level: context.headingLevel, focusTarget: true }, lokal.name)}
    <p>${lokal.description}</p>
    <dl class="kk-lok-facts">
      <div><dt>${msg('Typ')}</dt><dd>${typeLabel(lokal.type)}</dd></div>
      <div><dt>${msg('Adress')}</dt><dd>${lokal.address}</dd></div>
      <div><dt>${msg('Antal personer')}</dt><dd>${msg(str`högst ${lokal.capacity}`)}</dd></div>
      <div><dt>${msg('Tillgänglighet')}</dt><dd>${lokal.accessibility.length > 0 ? lokal.accessibility.map(factLabel).join(', ') : msg('Inga uppgifter')}</dd></div>
    </dl>
    ${lokal.images.map((image) => html`<img class="kk-lok-image" src=${image.url} alt=${image.alt} />`)}
    ${lokal.equipment.length > 0
      ? html`${heading({ level, className: 'kk-heading kk-group-heading' }, msg('Utrustning'))}
          <ul>
            ${lokal.equipment.map((item) => html`<li>${item}</li>`)}
          </ul>`
      : nothing}
    ${heading({ level, className: 'kk-heading kk-group-heading' }, msg('Pris per timme'))}
    <table class="kk-lok-prices">
      <thead>
        <tr>
          <th scope="col">${msg('Kund')}</th>
          <th scope="col">${msg('Utan moms')}</th>
          <th scope="col">${msg('Moms')}</th>
          <th scope="col">${msg('Att betala')}</th>
        </tr>
      </thead>
      <tbody>
        ${lokal.prices.map((p) => {
          const hour = priceFor(p.perHourOre, 60, p.vatPercent);
          return html`<tr>
            <th scope="row">${customerLabel(p.customerType)}</th>
            <td>${formatMoney(hour.netOre)}</td>
            <td>${p.vatPercent} % (${formatMoney(hour.vatOre)})</td>
            <td>${formatMoney(hour.totalOre)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${heading({ level, className: 'kk-heading kk-group-heading' }, msg('Regler för bokning'))}
    <ul>
      ${rulesText(lokal).map((line) => html`<li>${line}</li>`)}
    </ul>
    ${heading({ level, className: 'kk-heading kk-group-heading' }, msg('Villkor'))}
    <p>${lokal.terms}</p>
    ${week(
      state,
      level,
      html`<div role="status" class="kk-lok-chosen">
          ${chosen
            ? html`<p>
                ${msg(str`Vald tid: ${formatDate(chosen.start)} ${formatTimeRange(chosen.start, chosen.end)}`)}
                ${privat ? html`, ${msg(str`pris för ${lokal.rules.minMinutes} minuter från ${formatMoney(priceFor(privat.perHourOre, lokal.rules.minMinutes, privat.vatPercent).totalOre)}`)}` : nothing}
              </p>`
            : nothing}
        </div>
        ${chosen ? button({ label: msg('Boka vald tid'), onClick: () => book.start(lokal, chosen) }) : nothing}`,
    )}`;
}

/** The lokal page. */
export function render(c: LokalbokningController, context: ViewContext): TemplateResult | undefined {
  const book = c.stateOf(bookKey, () => new BookState(c));
  if (c.page === 'receipt' && book.booking) return receiptPage(c, book, context.headingLevel);
  const state = c.stateOf(key, () => {
    const made = new LokalState(c, book);
    // Tasks made during a render start on the next update.
    queueMicrotask(() => c.host.requestUpdate());
    return made;
  });
  const task = state.lokal;
  const lokal = task.value;
  if (task.error !== undefined && lokal === undefined)
    return html`${backLink({ onClick: () => c.showPage('find') })}
      ${heading({ level: context.headingLevel, focusTarget: true }, msg('Lokalen kunde inte visas'))}
      ${alert({ tone: 'error', body: html`<p>${msg('Vi kunde inte hämta lokalen. Försök igen om en stund.')}</p>${button({ label: msg('Försök igen'), variant: 'secondary', onClick: () => void task.run() })}` })}`;
  if (lokal === null)
    return html`${backLink({ onClick: () => c.showPage('find') })}
      ${heading({ level: context.headingLevel, focusTarget: true }, msg('Lokalen finns inte'))}
      <p>${msg('Kommunen har ingen lokal med den adressen. Sök bland lokalerna i stället.')}</p>`;
  if (!lokal || lokal.id !== c.lokalId) return spinner({ label: msg('Hämtar lokalen…') });
  if (c.page === 'book' && book.slot) {
    // The lengths on offer need the slot's week: until it is in, the page says so rather than offering the slot alone.
    const week = state.availability.value;
    const free = week?.from === state.weekStart ? week.slots : state.availability.status === TaskStatus.ERROR ? [] : undefined;
    return bookPage(c, book, free, context.headingLevel);
  }
  // The book page not resumed yet (`LokalState.hostUpdate` does that on the next update): the spinner, as until the lokal is in.
  if (c.page === 'book') return spinner({ label: msg('Hämtar lokalen…') });
  return lokalPage(c, state, lokal, context, book);
}

export const styles: CSSResult[] = [
  css`
    .kk-lok-image {
      max-width: 100%;
      height: auto;
    }
    .kk-lok-prices {
      border-collapse: collapse;
      margin-block-end: var(--kk-space-m, 1rem);
    }
    .kk-lok-prices th,
    .kk-lok-prices td {
      text-align: start;
      padding: 0.25em 0.75em 0.25em 0;
      border-bottom: 1px solid var(--kk-color-border, #b1b4b6);
    }
    .kk-lok-weeknav {
      display: flex;
      gap: var(--kk-space-s, 0.5rem);
      flex-wrap: wrap;
      margin-block-end: var(--kk-space-m, 1rem);
    }
    .kk-lok-freelist__times {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
    }
  `,
];
