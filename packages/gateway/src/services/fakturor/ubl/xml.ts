import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';

/**
 * The XML under the UBL reader: @xmldom/xmldom's namespace-aware DOM, with every warning and
 * error fatal, and no DTD at all. xmldom never fetches an external entity, but a DOCTYPE is
 * refused before parsing anyway: UBL has none, and an internal subset is where entity
 * expansion attacks live. Elements are found by namespace URI and local name along a UBL path,
 * never by position or prefix, so a document may pick its own prefixes; comments and
 * processing instructions are not text.
 */

export const namespaces = {
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

export type { Element };

/** Why a text is not a document we read: not XML at all, or XML with a DTD. */
export class XmlRefused extends Error {
  constructor(
    readonly reason: 'doctype' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export function parseXml(source: string): Document {
  // Anywhere, not only before the root: a DOCTYPE or ENTITY declaration has no business in an invoice.
  if (/<!DOCTYPE/i.test(source) || /<!ENTITY/i.test(source)) throw new XmlRefused('doctype', 'Dokumentet har en DOCTYPE eller ENTITY-deklaration, vilket inte tas emot.');
  let document: Document;
  try {
    document = new DOMParser({ onError: onWarningStopParsing }).parseFromString(source, 'application/xml');
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Reporting (\w+ )?"?|"? caused onWarningStopParsing$/g, '') : String(error);
    throw new XmlRefused('malformed', `Dokumentet är inte välformad XML: ${message.slice(0, 200)}`);
  }
  if (document.doctype) throw new XmlRefused('doctype', 'Dokumentet har en DOCTYPE, vilket inte tas emot.');
  return document;
}

/** A step of a UBL path (`cac:Party`) as namespace URI and local name. */
function step(name: string): { ns: string; local: string } {
  const [prefix, local] = name.split(':') as [keyof typeof namespaces, string];
  return { ns: namespaces[prefix], local };
}

/** The element children of `element` named by one step. */
export function childElements(element: Element, name: string): Element[] {
  const { ns, local } = step(name);
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) {
      const child = node as Element;
      if (child.namespaceURI === ns && child.localName === local) found.push(child);
    }
  }
  return found;
}

/** Every element at a path of steps below `element` (`cac:TaxTotal/cac:TaxSubtotal`). */
export function elementsAt(element: Element, path: string): Element[] {
  let current = [element];
  for (const name of path.split('/')) current = current.flatMap((parent) => childElements(parent, name));
  return current;
}

/**
 * The text of an element: its own text and CDATA children, trimmed. Comments are left out,
 * so `<cbc:ID><!-- old -->123</cbc:ID>` is "123" and a commented-out element is not there.
 */
export function textOf(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) text += (node as unknown as { data: string }).data;
  }
  return text.trim();
}

/** True when the element has element children (a leaf with markup inside is not a value). */
export const hasElementChildren = (element: Element): boolean => {
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === ELEMENT_NODE) return true;
  return false;
};

export const attributeOf = (element: Element, name: string): string | null => (element.hasAttribute(name) ? element.getAttribute(name)!.trim() : null);
