import { idempotencyHeader, type FieldError, type NewApplication, type NewOffer, type PlacementNotice } from '@kommunkit/contract';
import {
  activeApplicationStatuses,
  addMonths,
  defaultPolicy,
  fritidshemEnd,
  guaranteeDate,
  ineligibility,
  isDate,
  noticeEndDate,
  replyBy,
  schoolStart,
  swedishDate,
  withdrawableStatuses,
  type ApplicationStatus,
  type BarnomsorgPolicy,
  type Ineligibility,
  type PlacementType,
} from '@kommunkit/contract/barnomsorg-rules';
import type { Session } from '../../auth/sessions.js';
import { personnummerOf } from '../../auth/sessions.js';
import type { KommunConfig } from '../../config/schema.js';
import { IdempotencyConflict, requestHash } from '../../http/idempotency.js';
import type { PopulationRegister, RegisterChild, RegisterGuardian } from './register.js';
import type { BarnomsorgSettings, UnitEntry } from './settings.js';
import { ActiveApplicationExists, BarnomsorgStore, type PlacementRow, type StoredApplication } from './store.js';

/**
 * What the rules refuse, in the contract's words: `invalid` (400, a malformed value), `rule`
 * (422), `conflict` (409: not in a state for this), `idempotency` (422), `unavailable` (503:
 * the population register cannot answer now).
 */
export class BarnomsorgRefused extends Error {
  override name = 'BarnomsorgRefused';
  constructor(
    readonly kind: 'invalid' | 'rule' | 'conflict' | 'idempotency' | 'unavailable',
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

const refuse = (kind: BarnomsorgRefused['kind'], pointer: string | undefined, detail: string): BarnomsorgRefused =>
  new BarnomsorgRefused(kind, detail, pointer ? [{ pointer, detail }] : undefined);

export const typeNames: Record<PlacementType, string> = { forskola: 'förskola', pedagogisk_omsorg: 'pedagogisk omsorg', fritidshem: 'fritidshem' };
const typeWithArticle: Record<PlacementType, string> = { forskola: 'en förskola', pedagogisk_omsorg: 'en pedagogisk omsorg', fritidshem: 'ett fritidshem' };
export const statusLabels: Record<ApplicationStatus, string> = {
  inskickad: 'Inskickad',
  mottagen: 'Mottagen av kommunen',
  erbjudande: 'Erbjudande om plats',
  accepterad: 'Plats accepterad',
  avbojd: 'Erbjudandet avböjt',
  aterkallad: 'Återkallad',
};
const statusWord = (status: string): string => ((statusLabels as Partial<Record<string, string>>)[status] ?? status).toLocaleLowerCase('sv');

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
/** "15 mars 2027". */
export const longDate = (date: string): string => dateFormat.format(new Date(`${date}T00:00:00Z`));

/** Why a child cannot have a place of `type` from `start`, in words a guardian can act on. */
export function ineligibilityText(reason: Ineligibility, type: PlacementType, child: { givenName: string; birthDate: string }): string {
  switch (reason) {
    case 'for_ung':
      return `${child.givenName} kan få plats i ${typeNames[type]} från den dag barnet fyller ett år, ${longDate(addMonths(child.birthDate, 12))}. Välj ett startdatum från och med den dagen.`;
    case 'skolstart':
      return `${child.givenName} börjar förskoleklass hösten ${schoolStart(child.birthDate).slice(0, 4)} och kan då ha fritidshem i stället. Välj ett startdatum före ${longDate(schoolStart(child.birthDate))}, eller ansök om fritidshem.`;
    case 'inte_skolbarn':
      return `Fritidshem är för barn som har börjat skolan. ${child.givenName} kan börja i fritidshem tidigast ${longDate(schoolStart(child.birthDate))}.`;
    case 'for_gammal':
      return `Fritidshem är till och med vårterminen det år barnet fyller 13, för ${child.givenName} till ${longDate(fritidshemEnd(child.birthDate))}.`;
  }
}

/** The kommun's rules with the issue's defaults for what it leaves out. */
export const policyOf = (settings: BarnomsorgSettings): BarnomsorgPolicy => ({
  maxRankedUnits: settings.maxRankedUnits ?? defaultPolicy.maxRankedUnits,
  offerReplyDays: settings.offerReplyDays ?? defaultPolicy.offerReplyDays,
  otherGuardianMustConfirm: settings.otherGuardianMustConfirm ?? defaultPolicy.otherGuardianMustConfirm,
  noticeMonths: settings.noticeMonths ?? defaultPolicy.noticeMonths,
});

export interface Clock {
  now(): Date;
}

/** What the kommun's setup hands the use cases per kommun: its units and its population register. */
export interface BarnomsorgBackend {
  units: readonly UnitEntry[];
  register: PopulationRegister;
}

/** A guardian's child as the register has it, with the other guardian. */
export type GuardianChild = RegisterChild & { otherGuardian: RegisterGuardian | null };

/**
 * Barnomsorg's use cases: the guardian's children from the register, applications with their
 * status transitions and history, the other guardian's confirmation, offers and their answers,
 * placements and notice, messages, and the case workers' side. No HTTP here. A guardian reaches
 * an application only through the register (the child must be theirs); anything else is
 * `undefined`, which the routes answer 404.
 */
export class Barnomsorg {
  constructor(
    private readonly store: BarnomsorgStore,
    private readonly backendFor: (kommun: KommunConfig) => BarnomsorgBackend,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  today(): string {
    return swedishDate(this.clock.now());
  }

  units(kommun: KommunConfig): readonly UnitEntry[] {
    return this.backendFor(kommun).units;
  }

  unit(kommun: KommunConfig, id: string): UnitEntry | undefined {
    return this.units(kommun).find((unit) => unit.id === id);
  }

  /** The units matching the filters, by name (the file's order). */
  search(kommun: KommunConfig, query: { type?: PlacementType | undefined; area?: string | undefined; q?: string | undefined }): UnitEntry[] {
    const words = (query.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const area = query.area?.trim().toLocaleLowerCase('sv');
    return this.units(kommun).filter((unit) => {
      if (query.type && unit.type !== query.type) return false;
      if (area && unit.area.toLocaleLowerCase('sv') !== area) return false;
      const text = `${unit.name} ${unit.address} ${unit.profile} ${unit.area}`.toLocaleLowerCase('sv');
      return words.every((word) => text.includes(word));
    });
  }

  areas(kommun: KommunConfig): string[] {
    return [...new Set(this.units(kommun).map((unit) => unit.area))].sort((a, b) => a.localeCompare(b, 'sv'));
  }

  /** Every child of the session's person in the register (protected ones included: callers filter). */
  async childrenOf(kommun: KommunConfig, session: Session): Promise<GuardianChild[]> {
    const personnummer = personnummerOf(session);
    if (!personnummer) return [];
    try {
      return await this.backendFor(kommun).register.childrenOf(personnummer);
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** The children a guardian may see and apply for, and whether any is hidden (protected identity). */
  async children(kommun: KommunConfig, session: Session): Promise<{ children: GuardianChild[]; someNotShown: boolean }> {
    const all = await this.childrenOf(kommun, session);
    return { children: all.filter((child) => !child.protectedIdentity), someNotShown: all.some((child) => child.protectedIdentity) };
  }

  /** Whether the session's person is a vårdnadshavare of the child (and the child can be shown), by the register. */
  private async isGuardian(kommun: KommunConfig, session: Session, childId: string): Promise<boolean> {
    const personnummer = personnummerOf(session);
    if (!personnummer) return false;
    let found: Awaited<ReturnType<PopulationRegister['guardiansOf']>>;
    try {
      found = await this.backendFor(kommun).register.guardiansOf(childId);
    } catch (error) {
      throw unavailable(error);
    }
    return !!found && !found.child.protectedIdentity && found.guardians.some((guardian) => guardian.personnummer === personnummer);
  }

  /** One application, for the child's guardians only; undefined for anyone else. */
  async application(kommun: KommunConfig, session: Session, id: string): Promise<StoredApplication | undefined> {
    const application = await this.store.byId(kommun.id, id);
    if (!application || !(await this.isGuardian(kommun, session, application.child_id))) return undefined;
    return application;
  }

  /** "Mina ansökningar och placeringar": everything of the guardian's visible children. */
  async overview(kommun: KommunConfig, session: Session): Promise<{ applications: StoredApplication[]; placements: PlacementRow[] }> {
    const { children } = await this.children(kommun, session);
    const ids = children.map((child) => child.id);
    const [applications, placements] = await Promise.all([this.store.ofChildren(kommun.id, ids), this.store.placementsOf(kommun.id, ids)]);
    return { applications, placements };
  }

  /**
   * Sends an application. The child must be the guardian's in the register (else undefined: 404)
   * and of an age the type allows from the wished start; the units exist, are of the type and no
   * more than the kommun allows. The database holds one active application per child and type.
   * A repeat of a request (same key, same content, same person) gets the first application.
   */
  async apply(kommun: KommunConfig, settings: BarnomsorgSettings, session: Session, body: NewApplication, idempotencyKey: string | undefined): Promise<{ application: StoredApplication; created: boolean } | undefined> {
    const hash = requestHash([session.subject, JSON.stringify(body)]);
    const repeat = async (): Promise<StoredApplication | undefined> => {
      const earlier = idempotencyKey ? await this.store.byIdempotencyKey(kommun.id, session.subject, idempotencyKey) : undefined;
      if (earlier && earlier.request_hash !== hash) throw refuse('idempotency', `/headers/${idempotencyHeader}`, new IdempotencyConflict().message);
      return earlier;
    };
    if (!isDate(body.desiredStartDate)) throw refuse('invalid', '/body/desiredStartDate', `${body.desiredStartDate} är inget datum som finns.`);
    if (body.schedule.pickUp <= body.schedule.dropOff) throw refuse('invalid', '/body/schedule/pickUp', 'Hämtningstiden måste vara efter lämningstiden.');
    const earlier = await repeat();
    if (earlier) return { application: earlier, created: false };

    const { children } = await this.children(kommun, session);
    const child = children.find((candidate) => candidate.id === body.childId);
    if (!child) return undefined;

    const policy = policyOf(settings);
    const errors: FieldError[] = [];
    if (body.units.length > policy.maxRankedUnits) errors.push({ pointer: '/body/units', detail: `Du kan rangordna högst ${String(policy.maxRankedUnits)} ${policy.maxRankedUnits === 1 ? 'enhet' : 'enheter'}.` });
    body.units.forEach((unitId, index) => {
      const unit = this.unit(kommun, unitId);
      const pointer = `/body/units/${String(index)}`;
      if (!unit) errors.push({ pointer, detail: `Det finns ingen enhet med id ${unitId}.` });
      else if (unit.type !== body.type) errors.push({ pointer, detail: `${unit.name} är ${typeWithArticle[unit.type]}. Välj bara enheter för ${typeNames[body.type]}.` });
    });
    if (body.siblingUnitId !== undefined && !this.unit(kommun, body.siblingUnitId)) errors.push({ pointer: '/body/siblingUnitId', detail: `Det finns ingen enhet med id ${body.siblingUnitId}.` });
    const today = this.today();
    if (body.desiredStartDate < today) errors.push({ pointer: '/body/desiredStartDate', detail: 'Startdatumet kan inte vara före i dag.' });
    else {
      const reason = ineligibility(body.type, child.birthDate, body.desiredStartDate);
      if (reason) errors.push({ pointer: '/body/desiredStartDate', detail: ineligibilityText(reason, body.type, child) });
    }
    if (errors.length > 0) throw new BarnomsorgRefused('rule', errors[0]!.detail, errors);

    // No look for an active application first: the insert is refused by the partial unique
    // index (handled below), and the usual case, none, costs one statement instead of two.
    const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());
    try {
      const application = await this.store.insert(
        kommun.id,
        settings.referencePrefix,
        {
          type: body.type,
          child_id: child.id,
          child_given_name: child.givenName,
          child_family_name: child.familyName,
          child_birth_date: child.birthDate,
          desired_start_date: body.desiredStartDate,
          applied_on: today,
          guarantee_date: guaranteeDate(today),
          sibling_unit_id: body.siblingUnitId ?? null,
          hours_per_week: body.schedule.hoursPerWeek,
          drop_off: body.schedule.dropOff,
          pick_up: body.schedule.pickUp,
          reason: body.reason,
          special_needs: text(body.specialNeeds),
          diet: text(body.diet),
          mother_tongue: text(body.motherTongue),
          message: text(body.message),
          sent_by_subject: session.subject,
          sent_by_name: session.name,
          other_guardian_confirmation: policy.otherGuardianMustConfirm && child.otherGuardian ? 'vantar' : 'behovs_inte',
          idempotency_key: idempotencyKey ?? null,
          request_hash: idempotencyKey ? hash : null,
        },
        body.units,
        `Skickad av ${session.name}.`,
      );
      return { application, created: true };
    } catch (error) {
      if (error instanceof ActiveApplicationExists) {
        // A request with this key may have stored it meanwhile: then it is the answer.
        const winner = await repeat();
        if (winner) return { application: winner, created: false };
        throw activeExists(child, body.type, (await this.store.activeFor(kommun.id, child.id, body.type))?.reference);
      }
      // Two requests with one key raced: the loser answers with the winner's application.
      const winner = await repeat();
      if (winner) return { application: winner, created: false };
      throw error;
    }
  }

  /** A guardian withdraws before an offer; undefined when it is not theirs. */
  async withdraw(kommun: KommunConfig, session: Session, id: string): Promise<StoredApplication | undefined> {
    const application = await this.application(kommun, session, id);
    if (!application) return undefined;
    const refused = (status: string) =>
      refuse(
        'conflict',
        undefined,
        status === 'erbjudande' ? 'Kommunen har redan erbjudit en plats, så ansökan kan inte återkallas. Tacka nej till erbjudandet i stället.' : `Ansökan kan inte återkallas: den är ${statusWord(status)}.`,
      );
    if (!withdrawableStatuses.includes(application.status as ApplicationStatus)) throw refused(application.status);
    const changed = await this.store.changeStatus(kommun.id, id, withdrawableStatuses, 'aterkallad', `Återkallad av ${session.name}.`);
    if (!changed) throw refused((await this.store.byId(kommun.id, id))?.status ?? application.status);
    return changed;
  }

  /** A guardian's answer to the offer, before its reply-by date; undefined when it is not theirs. */
  async answer(kommun: KommunConfig, session: Session, id: string, answer: 'accepterad' | 'avbojd'): Promise<StoredApplication | undefined> {
    const application = await this.application(kommun, session, id);
    if (!application) return undefined;
    return this.recordAnswer(kommun, application, answer, `${answer === 'accepterad' ? 'Erbjudandet accepterat' : 'Erbjudandet avböjt'} av ${session.name}.`, true);
  }

  /** A case worker records an answer given another way; undefined for an unknown application. */
  async recordAnswerFor(kommun: KommunConfig, id: string, answer: 'accepterad' | 'avbojd'): Promise<StoredApplication | undefined> {
    const application = await this.store.byId(kommun.id, id);
    if (!application) return undefined;
    return this.recordAnswer(kommun, application, answer, `${answer === 'accepterad' ? 'Erbjudandet accepterat' : 'Erbjudandet avböjt'}, registrerat av kommunen.`, false);
  }

  private async recordAnswer(kommun: KommunConfig, application: StoredApplication, answer: 'accepterad' | 'avbojd', note: string, deadline: boolean): Promise<StoredApplication> {
    const notOffered = () =>
      refuse('conflict', undefined, application.offer_answer ? 'Erbjudandet är redan besvarat.' : `Det finns inget erbjudande att svara på: ansökan är ${statusWord(application.status)}.`);
    if (application.status !== 'erbjudande') throw notOffered();
    if (deadline && application.offer_reply_by !== null && this.today() > application.offer_reply_by) {
      throw refuse('conflict', undefined, `Sista dag att svara på erbjudandet var ${longDate(application.offer_reply_by)}. Kontakta kommunen och ange ansökans referens ${application.reference}.`);
    }
    const changed = await this.store.changeStatus(
      kommun.id,
      application.id,
      ['erbjudande'],
      answer,
      note,
      { offer_answer: answer, offer_answered_at: this.clock.now() },
      answer === 'accepterad' ? (trx, row) => BarnomsorgStore.insertPlacement(trx, row) : undefined,
    );
    if (!changed) throw refuse('conflict', undefined, 'Erbjudandet är redan besvarat.');
    return changed;
  }

  /** The other guardian confirms; undefined when it is not theirs. */
  async confirm(kommun: KommunConfig, session: Session, id: string): Promise<StoredApplication | undefined> {
    const application = await this.application(kommun, session, id);
    if (!application) return undefined;
    if (application.sent_by_subject === session.subject) throw refuse('conflict', undefined, 'Du skickade ansökan själv. Det är barnets andra vårdnadshavare som ska bekräfta den.');
    if (application.other_guardian_confirmation === 'bekraftad') throw refuse('conflict', undefined, 'Ansökan är redan bekräftad.');
    if (application.other_guardian_confirmation === 'behovs_inte') throw refuse('conflict', undefined, 'Ansökan behöver ingen bekräftelse av den andra vårdnadshavaren.');
    if (!activeApplicationStatuses.includes(application.status as ApplicationStatus)) throw refuse('conflict', undefined, `Ansökan kan inte bekräftas: den är ${statusWord(application.status)}.`);
    const confirmed = await this.store.confirm(kommun.id, id, `Bekräftad av ${session.name}, barnets andra vårdnadshavare.`);
    if (!confirmed) throw refuse('conflict', undefined, 'Ansökan är redan bekräftad.');
    return confirmed;
  }

  /** A guardian writes to the kommun; undefined when it is not theirs. */
  async write(kommun: KommunConfig, session: Session, id: string, text: string): Promise<StoredApplication | undefined> {
    const application = await this.application(kommun, session, id);
    if (!application) return undefined;
    if (text.trim() === '') throw refuse('rule', '/body/text', 'Skriv ett meddelande.');
    return this.store.addMessage(kommun.id, id, { sender: 'vardnadshavare', author: session.name, text: text.trim() });
  }

  /** Notice on one of the guardian's children's placements; undefined when it is not theirs. */
  async giveNotice(kommun: KommunConfig, settings: BarnomsorgSettings, session: Session, id: string, body: PlacementNotice): Promise<PlacementRow | undefined> {
    const placement = await this.store.placement(kommun.id, id);
    if (!placement || !(await this.isGuardian(kommun, session, placement.child_id))) return undefined;
    const { wishedEndDate } = body;
    if (wishedEndDate !== undefined && !isDate(wishedEndDate)) throw refuse('invalid', '/body/wishedEndDate', `${wishedEndDate} är inget datum som finns.`);
    const today = this.today();
    if (wishedEndDate !== undefined && wishedEndDate < today) throw refuse('rule', '/body/wishedEndDate', 'Sista dagen kan inte vara före i dag.');
    if (placement.status !== 'aktiv') throw refuse('conflict', undefined, placement.end_date ? `Platsen är redan uppsagd, med sista dag ${longDate(placement.end_date)}.` : 'Platsen är redan avslutad.');
    // Never a last day in the past, whatever the notice period (0 months would otherwise give yesterday).
    const computed = noticeEndDate(today, wishedEndDate, policyOf(settings));
    const endDate = computed < today ? today : computed;
    const reason = body.reason?.trim() ? body.reason.trim() : null;
    const noticed = await this.store.giveNotice(kommun.id, id, endDate, reason, `Platsen uppsagd av ${session.name}, sista dag ${endDate}.`);
    if (!noticed) throw refuse('conflict', undefined, 'Platsen är redan uppsagd.');
    return noticed;
  }

  // The case workers' side.

  incoming(kommun: KommunConfig, status: ApplicationStatus | undefined, page: { offset: number; pageSize: number }) {
    return this.store.incoming(kommun.id, status, page);
  }

  /** Marks an application received; undefined for an unknown one. */
  async receive(kommun: KommunConfig, id: string): Promise<StoredApplication | undefined> {
    const application = await this.store.byId(kommun.id, id);
    if (!application) return undefined;
    if (application.status !== 'inskickad') throw refuse('conflict', undefined, `Ansökan kan inte tas emot: den är ${statusWord(application.status)}.`);
    if (application.other_guardian_confirmation === 'vantar') throw refuse('conflict', undefined, 'Barnets andra vårdnadshavare har inte bekräftat ansökan än. Den kan tas emot när den är bekräftad.');
    const changed = await this.store.changeStatus(kommun.id, id, ['inskickad'], 'mottagen', null);
    if (!changed) throw refuse('conflict', undefined, 'Ansökan har ändrats under tiden. Läs in den igen.');
    return changed;
  }

  /** Offers a place at a unit of the type from a start the child is eligible for; undefined for an unknown application. */
  async offer(kommun: KommunConfig, settings: BarnomsorgSettings, id: string, body: NewOffer): Promise<StoredApplication | undefined> {
    const application = await this.store.byId(kommun.id, id);
    if (!application) return undefined;
    for (const key of ['startDate', 'replyBy'] as const) {
      const value = body[key];
      if (value !== undefined && !isDate(value)) throw refuse('invalid', `/body/${key}`, `${value} är inget datum som finns.`);
    }
    if (application.status !== 'mottagen') {
      throw refuse('conflict', undefined, application.status === 'inskickad' ? 'Ta emot ansökan (receive) innan du erbjuder en plats.' : `Ansökan kan inte få ett erbjudande: den är ${statusWord(application.status)}.`);
    }
    const type = application.type as PlacementType;
    const unit = this.unit(kommun, body.unitId);
    if (!unit) throw refuse('rule', '/body/unitId', `Det finns ingen enhet med id ${body.unitId}.`);
    if (unit.type !== type) throw refuse('rule', '/body/unitId', `${unit.name} är ${typeWithArticle[unit.type]}, och ansökan gäller ${typeNames[type]}.`);
    const today = this.today();
    const child = { givenName: application.child_given_name, birthDate: application.child_birth_date };
    if (body.startDate < today) throw refuse('rule', '/body/startDate', 'Startdatumet kan inte vara före i dag.');
    const reason = ineligibility(type, child.birthDate, body.startDate);
    if (reason) throw refuse('rule', '/body/startDate', ineligibilityText(reason, type, child));
    const deadline = body.replyBy ?? replyBy(today, policyOf(settings));
    if (deadline < today) throw refuse('rule', '/body/replyBy', 'Sista svarsdag kan inte vara före i dag.');
    const changed = await this.store.changeStatus(kommun.id, id, ['mottagen'], 'erbjudande', `Plats erbjuden på ${unit.name} från ${body.startDate}, svar senast ${deadline}.`, {
      offer_unit_id: unit.id,
      offer_start_date: body.startDate,
      offer_reply_by: deadline,
    });
    if (!changed) throw refuse('conflict', undefined, 'Ansökan har ändrats under tiden. Läs in den igen.');
    return changed;
  }

  /** The kommun answers on an application; undefined for an unknown one. */
  async reply(kommun: KommunConfig, id: string, text: string): Promise<StoredApplication | undefined> {
    if (text.trim() === '') throw refuse('rule', '/body/text', 'Skriv ett meddelande.');
    return this.store.addMessage(kommun.id, id, { sender: 'kommun', author: `${kommun.name}, barnomsorgen`, text: text.trim() });
  }
}

const activeExists = (child: { givenName: string }, type: PlacementType, reference: string | undefined): BarnomsorgRefused =>
  refuse(
    'conflict',
    undefined,
    `${child.givenName} har redan en ansökan om ${typeNames[type]} som inte är avslutad${reference ? ` (${reference})` : ''}. Återkalla den först, eller skriv ett meddelande på den om något har ändrats.`,
  );

function unavailable(error: unknown): BarnomsorgRefused {
  return Object.assign(new BarnomsorgRefused('unavailable', 'Folkbokföringen går inte att nå just nu, så dina barn kan inte hämtas. Försök igen om en liten stund.'), { cause: error });
}
