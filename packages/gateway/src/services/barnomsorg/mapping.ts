import type { Application, Child, Placement, PlacementReason, PlacementStatus, PlacementType, Unit } from '@kommunkit/contract';
import type { ApplicationStatus } from '@kommunkit/contract/barnomsorg-rules';
import type { GuardianChild } from './domain.js';
import type { UnitEntry } from './settings.js';
import type { PlacementRow, StoredApplication } from './store.js';

export const toUnit = (unit: UnitEntry): Unit => unit;

/** A child as the guardian sees it: the opaque id, never the personnummer. */
export const toChild = (child: GuardianChild): Child => ({
  id: child.id,
  givenName: child.givenName,
  familyName: child.familyName,
  birthDate: child.birthDate,
  otherGuardian: child.otherGuardian ? { name: `${child.otherGuardian.givenName} ${child.otherGuardian.familyName}` } : null,
});

const optional = <Key extends string>(key: Key, value: string | null): Partial<Record<Key, string>> => (value === null ? {} : ({ [key]: value } as Record<Key, string>));

/** An application as `readerSubject` sees it (a case worker: undefined); unit names from the kommun's units. */
export function toApplication(row: StoredApplication, unitName: (id: string) => string, readerSubject: string | undefined): Application {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type as PlacementType,
    child: { id: row.child_id, givenName: row.child_given_name, familyName: row.child_family_name, birthDate: row.child_birth_date },
    desiredStartDate: row.desired_start_date,
    guaranteeDate: row.guarantee_date,
    units: row.units.map((id) => ({ id, name: unitName(id) })),
    ...optional('siblingUnitId', row.sibling_unit_id),
    schedule: { hoursPerWeek: row.hours_per_week, dropOff: row.drop_off, pickUp: row.pick_up },
    reason: row.reason as PlacementReason,
    ...optional('specialNeeds', row.special_needs),
    ...optional('diet', row.diet),
    ...optional('motherTongue', row.mother_tongue),
    ...optional('message', row.message),
    status: row.status as ApplicationStatus,
    sentByMe: readerSubject !== undefined && row.sent_by_subject === readerSubject,
    sentBy: { name: row.sent_by_name },
    otherGuardianConfirmation: row.other_guardian_confirmation as Application['otherGuardianConfirmation'],
    offer:
      row.offer_unit_id === null || row.offer_start_date === null || row.offer_reply_by === null
        ? null
        : {
            unitId: row.offer_unit_id,
            unitName: unitName(row.offer_unit_id),
            startDate: row.offer_start_date,
            replyBy: row.offer_reply_by,
            answer: (row.offer_answer as 'accepterad' | 'avbojd' | null) ?? null,
            answeredAt: row.offer_answered_at ? row.offer_answered_at.toISOString() : null,
          },
    placementId: row.placement_id,
    history: row.history.map((event) => ({ status: event.status as ApplicationStatus, at: event.at.toISOString(), ...optional('note', event.note) })),
    messages: row.messages.map((message) => ({ id: message.id, from: message.sender as 'vardnadshavare' | 'kommun', author: message.author, text: message.text, at: message.at.toISOString() })),
    createdAt: row.created_at.toISOString(),
  };
}

export function toPlacement(row: PlacementRow, unitName: (id: string) => string): Placement {
  return {
    id: row.id,
    applicationId: row.application_id,
    type: row.type as PlacementType,
    child: { id: row.child_id, givenName: row.child_given_name, familyName: row.child_family_name },
    unitId: row.unit_id,
    unitName: unitName(row.unit_id),
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as PlacementStatus,
    noticeGivenAt: row.notice_given_at ? row.notice_given_at.toISOString() : null,
  };
}
