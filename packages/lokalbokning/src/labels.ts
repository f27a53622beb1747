import { msg } from '@kommunkit/ui';
import type { AccessibilityFact, LokalType } from '@kommunkit/contract/lokalbokning-rules';

/** The Swedish (or English) name of a lokal type. */
export function typeLabel(type: LokalType): string {
  switch (type) {
    case 'idrottshall':
      return msg('Idrottshall');
    case 'motesrum':
      return msg('Mötesrum');
    case 'samlingslokal':
      return msg('Samlingslokal');
    case 'utomhusplan':
      return msg('Utomhusplan');
  }
}

/** The name of an accessibility fact. */
export function factLabel(fact: AccessibilityFact): string {
  switch (fact) {
    case 'stegfri_entre':
      return msg('Stegfri entré');
    case 'tillganglig_toalett':
      return msg('Tillgänglig toalett');
    case 'horslinga':
      return msg('Hörslinga');
  }
}
