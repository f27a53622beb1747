import type { Application, BarnomsorgOverview, OfferAnswer, Placement, PlacementNotice } from '@kommunkit/contract';
import { barnomsorgRoutes as routes } from '@kommunkit/contract/barnomsorg-routes';
import type { KommunkitClient } from '../client.js';
import type { CallOptions } from '../http.js';
import { citizenCall } from './citizen-call.js';

export type { Application, ApplicationMessage, ApplicationStatusChange, BarnomsorgOverview, Offer, OfferAnswer, Placement, PlacementNotice } from '@kommunkit/contract';

/**
 * Barnomsorg after the application is sent, for a logged-in guardian: "Mina ansökningar och
 * placeringar", one application, and what a guardian does with it (withdraw, answer an offer,
 * the other guardian's confirmation, messages) and a placement's notice. A module of its own
 * beside `./barnomsorg`, so a widget downloads it only when the guardian opens the overview.
 * Every call needs the session: without one it rejects with an `ApiError` 401 and the client's
 * login state learns that the session is gone. An application or placement of a child the
 * caller is not a guardian of is a 404, never a 403.
 *
 * The writes are sent once: none of them carries an idempotency key, and a repeat after a lost
 * answer would be a 409 (already withdrawn, answered, confirmed, given notice) or a second message.
 */

/** The applications (newest first) and placements of the guardian's children, as either guardian. */
export function getBarnomsorgOverview(client: KommunkitClient, { signal }: CallOptions = {}): Promise<BarnomsorgOverview> {
  return citizenCall<BarnomsorgOverview>(client, routes.getBarnomsorgOverview, { signal });
}

/** One application with its history, offer and messages; 404 when the caller is not a guardian of the child. */
export function getApplication(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Application> {
  return citizenCall<Application>(client, routes.getApplication, { params: { id }, signal });
}

/** Withdraws (återkallar) an application; 409 once an offer has been made (the `detail` says so in Swedish). */
export function withdrawApplication(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Application> {
  return citizenCall<Application>(client, routes.withdrawApplication, { params: { id }, signal });
}

/**
 * Accepts or declines the offered place; 409 after its reply-by date or without an open offer.
 * Accepting makes the placement: the answer's `placementId` names it.
 */
export function answerOffer(client: KommunkitClient, id: string, answer: OfferAnswer['answer'], { signal }: CallOptions = {}): Promise<Application> {
  const body: OfferAnswer = { answer };
  return citizenCall<Application>(client, routes.answerOffer, { params: { id }, json: body, signal });
}

/** The other guardian confirms an application the kommun asks both guardians to agree on (the sender: 409). */
export function confirmApplication(client: KommunkitClient, id: string, { signal }: CallOptions = {}): Promise<Application> {
  return citizenCall<Application>(client, routes.confirmApplication, { params: { id }, signal });
}

/** Writes to the kommun about an application; answers the application with the message in its thread. */
export function sendApplicationMessage(client: KommunkitClient, id: string, text: string, { signal }: CallOptions = {}): Promise<Application> {
  return citizenCall<Application>(client, routes.sendApplicationMessage, { params: { id }, json: { text }, signal });
}

/**
 * Gives notice (uppsägning) of a placement: the last day is the wished one, never before the
 * kommun's notice period has run (`noticeEndDate` of `@kommunkit/contract/barnomsorg-rules`
 * says which day beforehand). 409 when notice has already been given or the placement has ended.
 */
export function givePlacementNotice(client: KommunkitClient, id: string, notice: PlacementNotice = {}, { signal }: CallOptions = {}): Promise<Placement> {
  return citizenCall<Placement>(client, routes.givePlacementNotice, { params: { id }, json: notice, signal });
}
