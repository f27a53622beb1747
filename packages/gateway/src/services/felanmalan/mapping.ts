import {
  open311Base,
  open311Status,
  reportStatuses,
  type Open311Attribute,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
  type MyReport,
  type ReportStatus,
} from '@kommunkit/contract';
import type { KommunConfig } from '../../config/schema.js';
import { defaultLocale, translationIn, type ContentLocale } from '../../http/locale.js';
import type { CategoryConfig, FelanmalanSettings } from './settings.js';
import type { StoredReport } from './store.js';

/** The stable public URL of a stored photo. */
export const mediaUrlFor = (publicUrl: string) => (kommun: KommunConfig, id: string) => `${publicUrl}${open311Base}/media/${id}.jpg?jurisdiction_id=${kommun.id}`;

export type MediaUrl = ReturnType<typeof mediaUrlFor>;

/** A category's texts in `locale`, each falling back to the Swedish original on its own. */
const categoryTexts = (category: CategoryConfig, locale: ContentLocale) => translationIn(category.translations, locale) ?? {};

/** A category's name in `locale` (a report's `service_name`, without building the whole service). */
const serviceName = (category: CategoryConfig, locale: ContentLocale): string => categoryTexts(category, locale).name ?? category.name;

/** A configured category as an Open311 service, in `locale` where the config has it. */
export function toService(category: CategoryConfig, locale: ContentLocale = defaultLocale): Open311Service {
  const texts = categoryTexts(category, locale);
  const handoffNote = category.handoffNote && (texts.handoffNote ?? category.handoffNote);
  return {
    service_code: category.code,
    service_name: serviceName(category, locale),
    description: texts.description ?? category.description,
    metadata: (category.attributes?.length ?? 0) > 0,
    type: 'batch',
    keywords: (texts.keywords ?? category.keywords).join(','),
    group: texts.group ?? category.group,
    ...(handoffNote ? { handoff_note: handoffNote } : {}),
  };
}

/**
 * A category's questions as an Open311 service definition, in `locale` where the config has
 * it. An answer that means danger now carries the extension `urgent_phone`: the number to phone at once.
 */
export function toDefinition(category: CategoryConfig, locale: ContentLocale = defaultLocale): Open311ServiceDefinition {
  const questions = categoryTexts(category, locale).attributes ?? {};
  const attributes = (category.attributes ?? []).map(({ values, ...attribute }): Open311Attribute => {
    const texts = questions[attribute.code];
    return {
      ...attribute,
      description: texts?.description ?? attribute.description,
      datatype_description: texts?.datatype_description ?? attribute.datatype_description,
      ...(values
        ? {
            values: values.map(({ key, name, urgentPhone }) => ({
              key,
              name: texts?.values?.[key] ?? name,
              ...(urgentPhone ? { urgent_phone: urgentPhone } : {}),
            })),
          }
        : {}),
    };
  });
  return { service_code: category.code, attributes };
}

/** What the citizen is told when a report is filed (Open311's `service_notice`). */
export const serviceNotice = (reference: string, locale: ContentLocale = defaultLocale): string =>
  locale === 'en' ? `Thank you! Your report has number ${reference}.` : `Tack! Din felanmälan har nummer ${reference}.`;

/** The map's settings as a widget needs them, its credit in `locale` where the config has it. */
export function toPublicMap(map: NonNullable<FelanmalanSettings['map']>, locale: ContentLocale = defaultLocale) {
  const { translations, ...shown } = map;
  return { ...shown, attribution: translationIn(translations, locale)?.attribution ?? map.attribution };
}

/**
 * Stored reports as Open311 service requests (the contract's report type too): public fields
 * only (never the reporter's contact details), photos as stable URLs, and with `extensions`
 * the detailed status and its history.
 */
export function toServiceRequests(
  mediaUrl: MediaUrl,
  kommun: KommunConfig,
  settings: FelanmalanSettings,
  rows: readonly StoredReport[],
  extensions: boolean,
  locale: ContentLocale = defaultLocale,
): Open311ServiceRequest[] {
  return rows.map((row) => {
    const category = settings.categories.find((candidate) => candidate.code === row.service_code);
    const media = row.photoIds.map((id) => mediaUrl(kommun, id));
    const request: Open311ServiceRequest = {
      service_request_id: row.reference,
      status: open311Status(row.status as ReportStatus),
      ...(row.status_notes ? { status_notes: row.status_notes } : {}),
      service_name: category ? serviceName(category, locale) : row.service_code,
      service_code: row.service_code,
      description: row.description,
      agency_responsible: kommun.name,
      requested_datetime: row.requested_at.toISOString(),
      updated_datetime: row.updated_at.toISOString(),
      ...(row.expected_at ? { expected_datetime: row.expected_at.toISOString() } : {}),
      ...(row.address_string ? { address: row.address_string } : {}),
      ...(row.address_id ? { address_id: row.address_id } : {}),
      ...(row.lat !== null && row.long !== null ? { lat: row.lat, long: row.long } : {}),
      ...(media[0] ? { media_url: media[0] } : {}),
    };
    if (extensions) {
      request.extended_attributes = {
        detailed_status: row.status as ReportStatus,
        status_history: row.history.map((event) => ({
          status: event.status as ReportStatus,
          ...(event.note ? { note: event.note } : {}),
          at: event.at.toISOString(),
        })),
        media_urls: media,
      };
    }
    return request;
  });
}

/** A stored report as the form an Open311 server takes (`POST requests.json`), contact details included: it is the kommun's own system. */
export function toOpen311Form(row: StoredReport, apiKey: string, mediaUrl: string | undefined): URLSearchParams {
  const body = new URLSearchParams({ api_key: apiKey, service_code: row.service_code, description: row.description });
  const optional: [string, string | number | null][] = [
    ['lat', row.lat],
    ['long', row.long],
    ['address_string', row.address_string],
    ['address_id', row.address_id],
    ['first_name', row.first_name],
    ['last_name', row.last_name],
    ['email', row.email],
    ['phone', row.phone],
  ];
  for (const [name, value] of optional) if (value !== null) body.set(name, String(value));
  for (const [code, value] of Object.entries(row.attributes)) {
    if (Array.isArray(value)) for (const item of value) body.append(`attribute[${code}][]`, item);
    else body.set(`attribute[${code}]`, value);
  }
  if (mediaUrl) body.set('media_url', mediaUrl);
  return body;
}

const isStatus = (value: unknown): value is ReportStatus => reportStatuses.includes(value as ReportStatus);

/**
 * The status an Open311 server's answer stands for: its detailed status when it speaks this
 * gateway's ladder, "closed" as done, and otherwise the status already known.
 */
export function statusFromOpen311(remote: Open311ServiceRequest, known: ReportStatus): ReportStatus {
  const detailed = remote.extended_attributes?.detailed_status;
  if (isStatus(detailed)) return detailed;
  return remote.status === 'closed' ? 'atgardad' : known;
}

/** A stored report as its reporter sees it through the citizen API (no contact details: they gave them). */
export function toMyReport(settings: FelanmalanSettings, row: StoredReport, editableUntil: Date | null, locale: ContentLocale = defaultLocale): MyReport {
  const category = settings.categories.find((candidate) => candidate.code === row.service_code);
  return {
    reference: row.reference,
    serviceCode: row.service_code,
    serviceName: category ? toService(category, locale).service_name : row.service_code,
    status: row.status as ReportStatus,
    description: row.description,
    address: row.address_string,
    lat: row.lat,
    long: row.long,
    requestedAt: row.requested_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    history: row.history.map((event) => ({ status: event.status as ReportStatus, ...(event.note ? { note: event.note } : {}), at: event.at.toISOString() })),
    editableUntil: editableUntil?.toISOString() ?? null,
  };
}
