import { msg, str } from '@kommunkit/ui';
import { feeEstimate, maxFreeTextLength, maxHoursPerWeek, placementReasons, type PlacementReason } from '@kommunkit/contract/barnomsorg-rules';
import { formatDate, formatMoney, getLocale, intlLocale, loadable, type SummaryRow } from '@kommunkit/ui';
import type { Unit } from '@kommunkit/sdk/barnomsorg';
import { html, type TemplateResult } from 'lit';
import { normalizeTime } from '../answers.js';
import { fieldId, type BarnomsorgController } from '../controller.js';
import { checkPage } from '../pages/check.js';
import { confirmationPage } from '../pages/confirmation.js';
import { feePage } from '../pages/fee.js';
import { otherPage } from '../pages/other.js';
import { schedulePage } from '../pages/schedule.js';
import { siblingPage } from '../pages/sibling.js';
import type { CheckView, ConfirmationView, FeeResult, FeeView, OtherView, ScheduleView, SiblingView, UnitsView } from '../pages/types.js';
import { unitsPage } from '../pages/units.js';
import { incomeOre } from '../rules.js';
import type { Step } from '../types.js';
import { childName, chosenTypeLabel, frame, type ViewContext } from '../views.js';
import { searchUnits } from './search.js';

/*
 * The pages after the start date (units, sibling, schedule, other, fee, check answers) and the
 * confirmation, a chunk of their own: the first pages show without them, and the element asks
 * for this chunk while the guardian is on the start page, so it is there when they go on.
 */

export const reasonLabel = (reason: PlacementReason): string =>
  ({
    arbete: msg('Arbete'),
    studier: msg('Studier'),
    arbetssokande: msg('Arbetssökande'),
    foraldraledig: msg('Föräldraledig med syskon'),
    barnets_behov: msg('Barnets eget behov'),
  })[reason];

/** The month of a start date, "2027-08", for the units' free places. */
const monthOf = (date: string): string => date.slice(0, 7);
const monthText = (month: string): string => new Intl.DateTimeFormat(intlLocale(getLocale()), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`));

function freePlacesText(unit: Unit, start: string): string | undefined {
  const month = monthOf(start);
  const free = unit.freePlaces.find((entry) => entry.month === month);
  if (!free) return undefined;
  return free.places === 1 ? msg(str`1 ledig plats i ${monthText(month)}`) : msg(str`${free.places} lediga platser i ${monthText(month)}`);
}

/** The map's state for this widget: whether it is shown, and its chunk once loaded. */
interface MapToggle {
  shown: boolean;
  failed: boolean;
  module: typeof import('../map/map.js') | undefined;
}
const mapKey = {};

function mapView(c: BarnomsorgController, units: readonly Unit[]): UnitsView['map'] {
  if (!c.kommun.info?.map) return undefined;
  const state = c.stateOf<MapToggle>(mapKey, () => ({ shown: false, failed: false, module: undefined }));
  const places = units.flatMap((unit) => (unit.position ? [{ id: unit.id, name: unit.name, lat: unit.position.lat, lon: unit.position.lon, description: unit.address }] : []));
  if (places.length === 0) return undefined;
  const focusUnit = (id: string) => c.host.renderRoot.querySelector<HTMLElement>(`#${fieldId(`unit-${id}`)}`)?.focus();
  return {
    shown: state.shown,
    failed: state.failed,
    panel: state.shown && state.module ? state.module.unitsMap(c, places, focusUnit) : undefined,
    onToggle: () => {
      state.shown = !state.shown;
      if (state.shown && !state.module)
        void import('../map/map.js').then(
          (module) => {
            state.module = module;
            state.failed = false;
            c.host.requestUpdate();
          },
          () => {
            state.failed = true;
            c.host.requestUpdate();
          },
        );
      c.host.requestUpdate();
    },
  };
}

function unitsView(c: BarnomsorgController, context: ViewContext): UnitsView {
  const chosen = c.unitsForm.values.units;
  const max = c.maxRankedUnits;
  const start = c.startForm.values.desiredStartDate;
  const all = c.units.value ?? [];
  const areas = c.settings.value?.areas ?? [...new Set(all.map((unit) => unit.area))];
  const found = searchUnits(all, c.unitQuery, c.unitArea);
  return {
    ...frame(c, context, c.unitsForm.summary()),
    page: 'units',
    typeLabel: chosenTypeLabel(c),
    max,
    units: c.unitsForm.bind('units'),
    ranked: chosen.map((id, index) => ({
      id,
      name: c.unit(id)?.name ?? id,
      onUp: index > 0 ? () => c.moveUnit(id, -1) : undefined,
      onDown: index < chosen.length - 1 ? () => c.moveUnit(id, 1) : undefined,
      onRemove: () => c.unrankUnit(id, 'ranked'),
    })),
    results: loadable(c.units, (units) => ({
      total: units.length,
      items: found.map((unit) => {
        const at = chosen.indexOf(unit.id);
        return {
          id: unit.id,
          name: unit.name,
          area: unit.area,
          address: unit.address,
          profile: unit.profile,
          openingHours: unit.openingHours,
          ages: msg(str`${unit.ageFrom}–${unit.ageTo} år`),
          freePlaces: freePlacesText(unit, start),
          rank: at < 0 ? undefined : at + 1,
          onRank: at < 0 && chosen.length < max ? () => c.rankUnit(unit.id) : undefined,
          onUnrank: at < 0 ? undefined : () => c.unrankUnit(unit.id, 'list'),
        };
      }),
    })),
    search: { id: fieldId('unit-search'), value: c.unitQuery, onInput: (value) => c.setUnitQuery(value) },
    area: { id: fieldId('unit-area'), value: c.unitArea, choices: areas.map((area) => ({ value: area, label: area })), onChange: (value) => c.setUnitArea(value) },
    announcement: c.announcement,
    map: mapView(c, found),
    onSubmit: () => c.submitUnits(),
  };
}

function siblingView(c: BarnomsorgController, context: ViewContext): SiblingView {
  const form = c.siblingForm;
  return {
    ...frame(c, context, form.summary()),
    page: 'sibling',
    typeLabel: chosenTypeLabel(c),
    hasSibling: form.bind('hasSibling') as SiblingView['hasSibling'],
    siblingUnit: form.bind('siblingUnitId'),
    unitChoices: (c.units.value ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
    onSubmit: () => c.submitSibling(),
  };
}

function scheduleView(c: BarnomsorgController, context: ViewContext): ScheduleView {
  const form = c.scheduleForm;
  return {
    ...frame(c, context, form.summary()),
    page: 'schedule',
    hoursPerWeek: form.bind('hoursPerWeek'),
    maxHours: maxHoursPerWeek,
    dropOff: form.bind('dropOff'),
    pickUp: form.bind('pickUp'),
    reason: form.bind('reason') as ScheduleView['reason'],
    reasonChoices: placementReasons.map((reason) => ({ value: reason, label: reasonLabel(reason) })),
    onSubmit: () => c.submitSchedule(),
  };
}

function otherView(c: BarnomsorgController, context: ViewContext): OtherView {
  const form = c.otherForm;
  return {
    ...frame(c, context, form.summary()),
    page: 'other',
    specialNeeds: form.bind('specialNeeds'),
    diet: form.bind('diet'),
    motherTongue: form.bind('motherTongue'),
    message: form.bind('message'),
    maxFreeText: maxFreeTextLength,
    onSubmit: () => c.submitOther(),
  };
}

/** The estimate of the fee page's answers; undefined until a valid income is typed. */
export function feeResult(c: BarnomsorgController): FeeResult | undefined {
  const type = c.typeForm.values.type;
  const maxtaxa = c.settings.value?.maxtaxa;
  const income = incomeOre(c.feeForm.values.income);
  if (!type || !maxtaxa || income === undefined || c.feeForm.values.income.trim() === '') return undefined;
  const estimate = feeEstimate(type, income, Number(c.feeForm.values.siblingOrder) || 1, maxtaxa);
  const money = (ore: number) => formatMoney(ore, getLocale(), { fraction: 'auto' });
  return {
    monthly: money(estimate.monthlyOre),
    free: estimate.percent === 0,
    basis:
      estimate.percent === 0
        ? msg('Det fjärde barnet och fler har ingen avgift.')
        : estimate.capped
          ? msg(str`${estimate.percent} procent av inkomsttaket ${money(estimate.incomeOre)} (${estimate.year}): hushållets inkomst är högre än taket.`)
          : msg(str`${estimate.percent} procent av hushållets inkomst ${money(estimate.incomeOre)}.`),
  };
}

function feeView(c: BarnomsorgController, context: ViewContext): FeeView {
  const form = c.feeForm;
  const maxtaxa = c.settings.value?.maxtaxa;
  return {
    ...frame(c, context, form.summary()),
    page: 'fee',
    typeLabel: chosenTypeLabel(c),
    income: form.bind('income'),
    siblingOrder: form.bind('siblingOrder'),
    siblingChoices: [
      { value: '1', label: msg('Barn 1, det yngsta') },
      { value: '2', label: msg('Barn 2') },
      { value: '3', label: msg('Barn 3') },
      { value: '4', label: msg('Barn 4 eller senare') },
    ],
    ceiling: maxtaxa ? formatMoney(maxtaxa.incomeCeilingMonthlyOre, getLocale(), { fraction: 'auto' }) : '',
    year: maxtaxa?.year ?? 0,
    result: feeResult(c),
    onSubmit: () => c.submitFee(),
  };
}

function checkView(c: BarnomsorgController, context: ViewContext): CheckView {
  const answers = c.answers;
  // While the application is being sent, "Ändra" and "Tillbaka" do nothing (the page says why).
  const unlessBusy = (action: () => void) => () => {
    if (!c.busy) action();
  };
  const change = (step: Step) => unlessBusy(() => c.flow.change(step));
  const base = frame(c, context, []);
  const none = msg('Inget svar');
  const sibling = answers.hasSibling === 'ja' ? msg(str`Ja, på ${c.unit(answers.siblingUnitId)?.name ?? answers.siblingUnitId}`) : msg('Nej');
  const fee = feeResult(c);
  const rows: SummaryRow[] = [
    { key: msg('Barn'), value: childName(c), onChange: change('child') },
    { key: msg('Typ av plats'), value: chosenTypeLabel(c), onChange: change('type') },
    {
      key: msg('Önskat startdatum'),
      value: answers.desiredStartDate ? formatDate(answers.desiredStartDate, getLocale()) : none,
      onChange: change('start'),
    },
    {
      key: msg('Önskade enheter'),
      value: html`<ol class="kk-bo-summary-units">${answers.units.map((id) => html`<li>${c.unit(id)?.name ?? id}</li>`)}</ol>`,
      onChange: change('units'),
    },
    { key: msg('Syskon på någon av enheterna'), value: sibling, onChange: change('sibling') },
    {
      key: msg('Omfattning'),
      value: msg(str`${answers.hoursPerWeek} timmar per vecka, ${normalizeTime(answers.dropOff)}–${normalizeTime(answers.pickUp)}`),
      onChange: change('schedule'),
    },
    { key: msg('Skäl'), value: answers.reason ? reasonLabel(answers.reason) : none, onChange: change('schedule') },
    { key: msg('Särskilt stöd'), value: answers.specialNeeds.trim() || none, onChange: change('other') },
    { key: msg('Specialkost'), value: answers.diet.trim() || none, onChange: change('other') },
    { key: msg('Modersmål'), value: answers.motherTongue.trim() || none, onChange: change('other') },
    { key: msg('Meddelande'), value: answers.message.trim() || none, onChange: change('other') },
    { key: msg('Uppskattad avgift'), value: fee ? msg(str`${fee.monthly} per månad (skickas inte)`) : msg('Inte beräknad'), onChange: change('fee') },
  ];
  return {
    ...base,
    back: base.back ? unlessBusy(base.back) : undefined,
    page: 'check',
    rows,
    problem: c.submitProblem,
    onOverview: () => c.showView('oversikt'),
    busy: c.busy,
    onSubmit: () => void c.submitApplication(),
  };
}

function confirmationView(c: BarnomsorgController, context: ViewContext): ConfirmationView | undefined {
  const sent = c.submitted;
  if (!sent) return undefined;
  return {
    headingLevel: context.headingLevel,
    page: 'confirmation',
    reference: sent.reference,
    guarantee: sent.type === 'forskola' ? formatDate(sent.guaranteeDate, getLocale()) : undefined,
    typeLabel: chosenTypeLabel(c) || sent.type,
    childName: `${sent.child.givenName} ${sent.child.familyName}`,
    replyDays: c.settings.value?.offerReplyDays ?? 14,
    otherGuardianMustConfirm: sent.otherGuardianConfirmation === 'vantar',
    onOverview: () => c.showView('oversikt'),
    onStartOver: () => c.startOver(),
  };
}

/** The page of the form the guardian is on, from the units page on. */
export function render(c: BarnomsorgController, context: ViewContext): TemplateResult | undefined {
  switch (c.flow.current) {
    case 'units':
      return unitsPage(unitsView(c, context));
    case 'sibling':
      return siblingPage(siblingView(c, context));
    case 'schedule':
      return schedulePage(scheduleView(c, context));
    case 'other':
      return otherPage(otherView(c, context));
    case 'fee':
      return feePage(feeView(c, context));
    case 'check':
      return checkPage(checkView(c, context));
    case 'confirmation': {
      const view = confirmationView(c, context);
      return view ? confirmationPage(view) : undefined;
    }
    default:
      return undefined;
  }
}

/** Styles beyond the element's own: none. */
export const styles = [];
