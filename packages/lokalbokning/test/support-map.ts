import { http, HttpResponse } from 'msw';
import type { KommunInfo } from '@kommunkit/sdk';
import type { LokalerPage, LokalSummary } from '@kommunkit/contract';
import { api, handlers, kommunInfo, lokaler } from './support.js';

/**
 * The results map's fixtures: a kommun with a map, and lokaler with places (one without, as the
 * contract allows). Tiles are a data: image, so nothing leaves the machine.
 */
export const tile = 'data:image/gif;base64,R0lGODlhAQABAIAAAMLCwgAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==';

export const kommunMap: NonNullable<KommunInfo['map']> = {
  tileUrl: tile,
  attribution: '© Exempelstads kommun, © OpenStreetMap-bidragsgivare',
  center: [59.33, 18.07],
  zoom: 13,
};

const summaryOf = ({ id, name, type, summary, address, capacity, accessibility, prices, approval }: (typeof lokaler)[number]): LokalSummary => ({
  id,
  name,
  type,
  summary,
  address,
  capacity,
  accessibility,
  prices,
  approval,
});

/** Norrhallen and Mötesrum A with places; Gamla skolan without one. */
export const mappedLokaler: LokalSummary[] = [
  { ...summaryOf(lokaler[0]!), position: { lat: 59.335, lon: 18.06 } },
  { ...summaryOf(lokaler[1]!), position: { lat: 59.329, lon: 18.075 } },
  { ...summaryOf(lokaler[1]!), id: 'gamla-skolan', name: 'Gamla skolans aula', type: 'samlingslokal', address: 'Skolgatan 1, Exempelstad' },
];

/** The gateway of `support.ts`, with the kommun's map (unless `map: false`) and the lokaler above in the results. */
export function mapHandlers(options: { base?: string; map?: boolean } = {}) {
  const base = options.base ?? api;
  return [
    http.get(`${base}/api/v1/:kommun`, ({ params }) =>
      HttpResponse.json({ ...kommunInfo(String(params.kommun)), ...(options.map === false ? {} : { map: kommunMap }) } satisfies KommunInfo),
    ),
    http.get(`${base}/api/v1/:kommun/lokalbokning/lokaler`, () => {
      const page: LokalerPage = { items: mappedLokaler, page: 1, pageSize: 10, total: mappedLokaler.length };
      return HttpResponse.json(page);
    }),
    ...handlers({ base }),
  ];
}
