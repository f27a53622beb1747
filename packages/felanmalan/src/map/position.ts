import { msg } from '@kommunkit/ui';
import type { Position } from '../types.js';

type Message = { tone: 'info' | 'error'; text: string };

/**
 * The citizen's position from the browser, rounded to about 10 cm, for "Använd min position".
 * `report` is called with each message to show (asking, found, failed) and the position once found.
 */
export function locate(report: (message: Message, position?: Position) => void): void {
  if (!('geolocation' in navigator)) {
    report({ tone: 'error', text: msg('Din webbläsare kan inte ge din position. Skriv platsen i stället.') });
    return;
  }
  report({ tone: 'info', text: msg('Hämtar din position…') });
  navigator.geolocation.getCurrentPosition(
    ({ coords }) =>
      report(
        { tone: 'info', text: msg('Din position är vald som plats.') },
        { lat: Math.round(coords.latitude * 1e6) / 1e6, long: Math.round(coords.longitude * 1e6) / 1e6 },
      ),
    () => report({ tone: 'error', text: msg('Vi kunde inte hämta din position. Skriv platsen i stället, eller välj den på kartan.') }),
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}
