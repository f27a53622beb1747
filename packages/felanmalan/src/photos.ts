import { maxPhotoBytes, maxPhotos } from '@kommunkit/contract/felanmalan-rules';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Longest side of a photo as sent: enough to see the fault, small enough for a phone's upload. */
export const maxPhotoSide = 1600;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * Downscales a photo in the browser to at most `maxSide` pixels on its longest side and
 * re-encodes it as JPEG, which also drops its EXIF data (GPS position included). The photo's
 * own orientation is applied first, so it is not sent sideways.
 */
export async function downscale(file: Blob, maxSide = maxPhotoSide, quality = 0.85): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality });
  } finally {
    bitmap.close();
  }
}

export interface Photo {
  id: number;
  /** The original file's name, for the preview's text. */
  name: string;
  blob: Blob;
  /** Object URL of the downscaled photo, revoked when the photo is removed. */
  url: string;
}

/**
 * The photos the citizen has added, downscaled, with preview URLs that are revoked when a
 * photo is removed, the list is cleared or the widget leaves the page.
 */
export class PhotoList implements ReactiveController {
  photos: readonly Photo[] = [];
  busy = false;
  private nextId = 1;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly max = maxPhotos,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Adds files up to the maximum; returns the names of the files that could not be read, and whether some were over the limit. */
  async add(files: readonly File[]): Promise<{ unreadable: string[]; tooMany: boolean }> {
    const room = Math.max(0, this.max - this.photos.length);
    const accepted = files.slice(0, room);
    const unreadable: string[] = [];
    this.busy = true;
    this.host.requestUpdate();
    try {
      for (const file of accepted) {
        try {
          if (!(photoTypes as readonly string[]).includes(file.type)) throw new TypeError(file.type);
          const blob = await downscale(file);
          // The gateway refuses a larger photo; one this large after downscaling is not a photo.
          if (blob.size > maxPhotoBytes) throw new RangeError(String(blob.size));
          this.photos = [...this.photos, { id: this.nextId++, name: file.name, blob, url: URL.createObjectURL(blob) }];
        } catch {
          unreadable.push(file.name);
        }
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
    return { unreadable, tooMany: files.length > room };
  }

  remove(id: number): void {
    const photo = this.photos.find((candidate) => candidate.id === id);
    if (!photo) return;
    URL.revokeObjectURL(photo.url);
    this.photos = this.photos.filter((candidate) => candidate !== photo);
    this.host.requestUpdate();
  }

  clear(): void {
    for (const photo of this.photos) URL.revokeObjectURL(photo.url);
    this.photos = [];
    this.host.requestUpdate();
  }
}
