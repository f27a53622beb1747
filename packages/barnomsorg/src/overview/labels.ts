import type { ApplicationStatus, PlacementReason, PlacementStatus, PlacementType } from '@kommunkit/contract/barnomsorg-rules';
import type { Application, Placement } from '@kommunkit/contract';
import { formatDate, msg, str } from '@kommunkit/ui';
import type { StatusLabel } from '../pages/types.js';

/*
 * The words of barnomsorg's states and kinds after sending, shared by the overview's and the
 * application's chunks (both load it; it is small).
 */

export const typeLabel = (type: PlacementType): string =>
  type === 'forskola' ? msg('Förskola') : type === 'pedagogisk_omsorg' ? msg('Pedagogisk omsorg') : msg('Fritidshem');

export const reasonLabel = (reason: PlacementReason): string =>
  reason === 'arbete'
    ? msg('Arbete')
    : reason === 'studier'
      ? msg('Studier')
      : reason === 'arbetssokande'
        ? msg('Arbetssökande')
        : reason === 'foraldraledig'
          ? msg('Föräldraledig med syskon')
          : msg('Barnets eget behov');

/** An application's status as its tag shows it: an offer waits for the guardian, so it stands out. */
export function applicationStatusLabel(status: ApplicationStatus): StatusLabel {
  switch (status) {
    case 'inskickad':
      return { label: msg('Inskickad'), tone: 'info' };
    case 'mottagen':
      return { label: msg('Mottagen av kommunen'), tone: 'info' };
    case 'erbjudande':
      return { label: msg('Erbjudande om plats'), tone: 'warning' };
    case 'accepterad':
      return { label: msg('Plats accepterad'), tone: 'success' };
    case 'avbojd':
      return { label: msg('Erbjudandet avböjt'), tone: 'neutral' };
    case 'aterkallad':
      return { label: msg('Återkallad'), tone: 'neutral' };
  }
}

export function placementStatusLabel(status: PlacementStatus): StatusLabel {
  switch (status) {
    case 'aktiv':
      return { label: msg('Aktiv placering'), tone: 'success' };
    case 'uppsagd':
      return { label: msg('Uppsagd'), tone: 'warning' };
    case 'avslutad':
      return { label: msg('Avslutad'), tone: 'neutral' };
  }
}

/** Whether the reply-by day of an offer has passed (the day itself still counts). */
export const offerExpired = (application: Application, today: string): boolean =>
  application.status === 'erbjudande' && application.offer !== null && application.offer.answer === null && application.offer.replyBy < today;

/** What happens next with an application, or what the guardian should do, in words. */
export function applicationNext(application: Application, today: string, lang?: string): { text: string; action: boolean } {
  const offer = application.offer;
  switch (application.status) {
    case 'inskickad':
      if (application.otherGuardianConfirmation === 'vantar')
        return application.sentByMe
          ? { text: msg('Väntar på att barnets andra vårdnadshavare bekräftar ansökan.'), action: false }
          : { text: msg('Du behöver bekräfta ansökan innan kommunen kan handlägga den.'), action: true };
      return { text: msg('Kommunen har fått ansökan och börjar handlägga den. Du behöver inte göra något nu.'), action: false };
    case 'mottagen':
      return { text: msg('Kommunen handlägger ansökan och hör av sig med ett erbjudande om plats.'), action: false };
    case 'erbjudande':
      if (!offer) return { text: msg('Kommunen har erbjudit en plats.'), action: false };
      return offerExpired(application, today)
        ? { text: msg(str`Svarstiden gick ut ${formatDate(offer.replyBy, lang)}. Kontakta kommunen.`), action: false }
        : { text: msg(str`Svara på erbjudandet senast ${formatDate(offer.replyBy, lang)}.`), action: true };
    case 'accepterad':
      return offer
        ? { text: msg(str`Du har tackat ja till platsen på ${offer.unitName} från ${formatDate(offer.startDate, lang)}.`), action: false }
        : { text: msg('Du har tackat ja till platsen.'), action: false };
    case 'avbojd':
      return { text: msg('Erbjudandet är avböjt. Vill du ha en annan plats kan du göra en ny ansökan.'), action: false };
    case 'aterkallad':
      return { text: msg('Ansökan är återkallad. Du behöver inte göra något mer.'), action: false };
  }
}

/** Where a placement stands, in words. */
export function placementNext(placement: Placement, today: string, lang?: string): string {
  switch (placement.status) {
    case 'aktiv':
      return placement.startDate > today
        ? msg(str`Platsen börjar ${formatDate(placement.startDate, lang)}.`)
        : msg(str`Platsen gäller sedan ${formatDate(placement.startDate, lang)}.`);
    case 'uppsagd':
      return placement.endDate ? msg(str`Platsen är uppsagd. Sista dagen är ${formatDate(placement.endDate, lang)}.`) : msg('Platsen är uppsagd.');
    case 'avslutad':
      return msg('Platsen har avslutats.');
  }
}

/** "Förskola för Vera Andersson". */
export const placeTitle = (type: Application['type'], child: { givenName: string; familyName: string }): string =>
  msg(str`${typeLabel(type)} för ${child.givenName} ${child.familyName}`);
