import { metresBetween } from '@kommunkit/contract';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { ConfigError, type ResolvedConfig } from '../../config/load.js';
import type { KommunConfig } from '../../config/schema.js';
import type { FelanmalanSettings } from './settings.js';

/** An address of the kommun's register: what a citizen reads, and where it is (WGS84). */
export interface GeocodedAddress {
  label: string;
  lat: number;
  long: number;
}

export interface Point {
  lat: number;
  long: number;
}

/**
 * The geocoder port: the kommun's address register as felanmälan needs it, so a citizen sees a
 * place as an address and never as raw coordinates. Adapters: `list` (a file of addresses, the
 * dev register of Exempelstad); a kommun's own register (Lantmäteriet's Belägenhetsadress, a GIS
 * service) is another adapter behind the same two calls.
 */
export interface Geocoder {
  /** Addresses that match what the citizen typed, best first, at most `limit`. */
  search(text: string, limit: number): Promise<GeocodedAddress[]>;
  /** The address nearest to `point` within `maxMetres`, with its distance in metres; undefined when none is. */
  nearest(point: Point, maxMetres: number): Promise<(GeocodedAddress & { distance: number }) | undefined>;
}

/** The most a search answers. */
export const maxSearchResults = 10;
/** Farther than this from any address, a point has no nearest address ("Nära …" would mislead). */
export const nearestWithinMetres = 250;

/** The file of a `list` geocoder: `{ "addresses": [{ "label", "lat", "long" }] }`. */
export const AddressFile = Type.Object(
  {
    source: Type.Optional(Type.String({ description: 'Where the list comes from.' })),
    addresses: Type.Array(
      Type.Object(
        {
          label: Type.String({ minLength: 1, maxLength: 100 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          long: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type AddressFile = Static<typeof AddressFile>;

/** Lower case, one space between words, no punctuation: "Storgatan 12, " and "storgatan  12" match. */
const normalize = (text: string): string =>
  text
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const collator = new Intl.Collator('sv', { numeric: true });

/**
 * A geocoder over a fixed list of addresses, searched in memory: every word typed must begin a
 * word of the address ("stor 1" finds "Storgatan 12"); an exact match comes first, then
 * addresses that begin with the text, then the rest, each in Swedish order with numbers as
 * numbers ("Storgatan 2" before "Storgatan 12").
 */
export class ListGeocoder implements Geocoder {
  private readonly entries: { address: GeocodedAddress; text: string; words: string[] }[];

  constructor(addresses: readonly GeocodedAddress[]) {
    this.entries = addresses.map((address) => {
      const text = normalize(address.label);
      return { address: { label: address.label, lat: address.lat, long: address.long }, text, words: text.split(' ') };
    });
  }

  search(query: string, limit: number): Promise<GeocodedAddress[]> {
    const text = normalize(query);
    if (!text) return Promise.resolve([]);
    const wanted = text.split(' ');
    const rank = (entry: { text: string }): number => (entry.text === text ? 0 : entry.text.startsWith(text) ? 1 : 2);
    const found = this.entries
      .filter((entry) => wanted.every((word) => entry.words.some((candidate) => candidate.startsWith(word))))
      .sort((a, b) => rank(a) - rank(b) || collator.compare(a.address.label, b.address.label));
    return Promise.resolve(found.slice(0, limit).map((entry) => ({ ...entry.address })));
  }

  nearest(point: Point, maxMetres: number): Promise<(GeocodedAddress & { distance: number }) | undefined> {
    let best: (GeocodedAddress & { distance: number }) | undefined;
    for (const { address } of this.entries) {
      const metres = metresBetween(point, address);
      if (metres <= maxMetres && (!best || metres < best.distance)) best = { ...address, distance: metres };
    }
    return Promise.resolve(best && { ...best, distance: Math.round(best.distance) });
  }
}

/**
 * Reads and checks a `list` geocoder's file, relative to the config's directory. A missing or
 * malformed file stops the start with one line naming the key and the file.
 */
export function readAddressFile(file: string, configDir: string, key: string): GeocodedAddress[] {
  const path = isAbsolute(file) ? file : resolve(configDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid gateway config:\n  ${key}: cannot read ${path}: ${(error as Error).message}`);
  }
  const [first] = Value.Errors(AddressFile, raw);
  if (first) throw new ConfigError(`Invalid gateway config:\n  ${key}: ${path}${first.instancePath || ''}: ${first.message}`);
  return (raw as AddressFile).addresses;
}

/**
 * Each kommun's geocoder, as its felanmälan settings name it, built once (a file shared by
 * several kommuner is read once). Undefined for a kommun without one.
 */
export function geocodersOf(config: ResolvedConfig, settingsOf: (kommun: KommunConfig) => FelanmalanSettings | undefined): (kommun: KommunConfig) => Geocoder | undefined {
  const files = new Map<string, ListGeocoder>();
  const byKommun = new Map<string, Geocoder>();
  config.kommuner.forEach((kommun, index) => {
    const geocoder = settingsOf(kommun)?.geocoder;
    if (!geocoder) return;
    const path = resolve(config.configDir, geocoder.file);
    let list = files.get(path);
    if (!list) {
      list = new ListGeocoder(readAddressFile(path, config.configDir, `kommuner[${String(index)}].services.felanmalan.geocoder.file`));
      files.set(path, list);
    }
    byKommun.set(kommun.id, list);
  });
  return (kommun) => byKommun.get(kommun.id);
}
