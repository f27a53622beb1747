/**
 * Method and path of barnomsorg's routes, free of TypeBox like `routes.ts`, in a module of its
 * own so that only barnomsorg's widget code carries them (`@kommunkit/contract/barnomsorg-routes`);
 * `operations` adds the schemas. The draft (utkast) is the shared drafts route with service
 * `barnomsorg`.
 */
export const barnomsorgRoutes = {
  getBarnomsorgSettings: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/settings' },
  listUnits: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/units' },
  listChildren: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/children' },
  createApplication: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/applications' },
  getBarnomsorgOverview: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/applications' },
  getApplication: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/applications/:id' },
  withdrawApplication: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/applications/:id/withdraw' },
  answerOffer: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/applications/:id/answer' },
  confirmApplication: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/applications/:id/confirm' },
  sendApplicationMessage: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/applications/:id/messages' },
  givePlacementNotice: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/placements/:id/notice' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }>;

/** The case workers' side (the kommun's key): receive, offer, record an answer, reply. */
export const barnomsorgCaseWorkerRoutes = {
  listIncomingApplications: { method: 'GET', url: '/api/v1/:kommun/barnomsorg/case-work/applications' },
  receiveApplication: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/case-work/applications/:id/receive' },
  offerPlacement: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/case-work/applications/:id/offer' },
  recordOfferAnswer: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/case-work/applications/:id/answer' },
  replyToApplication: { method: 'POST', url: '/api/v1/:kommun/barnomsorg/case-work/applications/:id/messages' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; url: string }>;
