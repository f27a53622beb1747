import sharp from 'sharp';

export interface StoredPhoto {
  mediaType: 'image/jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

export class PhotoError extends Error {
  override name = 'PhotoError';
}

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif']);
const longestSide = 1600;

/**
 * Checks an uploaded photo by its content, not its name or declared type, and re-encodes it
 * as JPEG: that drops every piece of metadata (EXIF with GPS position, camera serial, XMP)
 * and anything hidden after the image data. Orientation from EXIF is applied first so the
 * photo still stands the right way up.
 */
export async function storablePhoto(upload: Buffer): Promise<StoredPhoto> {
  let format: string | undefined;
  try {
    format = (await sharp(upload).metadata()).format;
  } catch {
    throw new PhotoError('Filen är inte en bild.');
  }
  if (!format || !acceptedFormats.has(format)) throw new PhotoError('Bilden måste vara JPEG, PNG, WebP eller HEIC.');
  try {
    const { data, info } = await sharp(upload, { failOn: 'error', limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { mediaType: 'image/jpeg', bytes: data, width: info.width, height: info.height };
  } catch {
    throw new PhotoError('Bilden gick inte att läsa. Den kan vara skadad.');
  }
}
