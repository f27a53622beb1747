import { clientHeader } from '@kommunkit/contract';
import sharp from 'sharp';
import { pages } from './gateway.js';

/** Headers of a widget on Exempelstad's site posting a report. */
export const fromKommunPage = (key?: string): Record<string, string> => ({
  origin: pages.exempelstad,
  [clientHeader]: 'sdk/test',
  ...(key ? { 'idempotency-key': key } : {}),
});

export const form = (fields: Record<string, string>): URLSearchParams => new URLSearchParams(fields);

export const validReport = {
  service_code: 'gatubelysning',
  lat: '58.4109',
  long: '15.6216',
  description: 'Lampan vid busshållplatsen Storgatan lyser inte.',
  'attribute[lamp_number]': '12-0345',
  email: 'anna.andersson@exempel.se',
  first_name: 'Anna',
};

/** A real JPEG carrying EXIF with the camera and a GPS position, as phones write them. */
export function photoWithGps(width = 2400, height = 1800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 160, b: 90 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefon', Model: 'Kamera X', Copyright: 'Anna Andersson' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '58/1 24/1 3924/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 37/1 1764/100' },
    })
    .toBuffer();
}

export function multipart(fields: Record<string, string>, photos: { name: string; type: string; bytes: Buffer }[]): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const photo of photos) body.append('media', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  return body;
}
