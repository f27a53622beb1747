import { msg } from '@kommunkit/ui';
import type { Open311ServiceRequest, ReportStatus } from '@kommunkit/sdk/felanmalan';
import type { Tone } from '@kommunkit/ui';

/** Swedish labels and tones of the status ladder. */
export function statusLabel(status: ReportStatus): { label: string; tone: Tone } {
  switch (status) {
    case 'mottagen':
      return { label: msg('Mottagen'), tone: 'info' };
    case 'under_utredning':
      return { label: msg('Under utredning'), tone: 'info' };
    case 'atgard_planerad':
      return { label: msg('Åtgärd planerad'), tone: 'warning' };
    case 'atgardad':
      return { label: msg('Åtgärdad'), tone: 'success' };
    case 'avslutad_utan_atgard':
      return { label: msg('Avslutad utan åtgärd'), tone: 'neutral' };
    case 'dubblett':
      return { label: msg('Dubblett'), tone: 'neutral' };
    case 'aterkallad':
      return { label: msg('Återkallad'), tone: 'neutral' };
  }
}

/** A report's current status: the detailed one from the gateway, else Open311's open/closed. */
export const currentStatus = (report: Open311ServiceRequest): { label: string; tone: Tone } =>
  report.extended_attributes
    ? statusLabel(report.extended_attributes.detailed_status)
    : { label: report.status === 'open' ? msg('Öppen') : msg('Stängd'), tone: 'neutral' };
