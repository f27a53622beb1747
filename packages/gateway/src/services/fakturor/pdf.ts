import { formatBankgiro, formatPlusgiro } from '@kommunkit/contract/fakturor-rules';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StoredDocument } from './mapping.js';

/**
 * The invoice as PDF when the document embeds none: made from its data with pdf-lib, in
 * Swedish, on A4. The standard Helvetica of every PDF reader (WinAnsi: å, ä, ö, é are there);
 * a character outside it is written as "?", never dropped silently. The dates in the file are
 * the document's, so the same invoice gives the same bytes.
 */

const A4: [number, number] = [595.28, 841.89];
const margin = 50;

const documentTitle = (document: StoredDocument) => (document.documentType === 'creditNote' ? 'Kreditnota' : 'Faktura');

/** Decimal string in Swedish: `1234.50` → `1 234,50`. */
const money = (amount: string, currency: string): string => {
  const [whole = '0', fraction = '00'] = amount.replace('-', '').split('.');
  return `${amount.startsWith('-') ? '−' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${fraction} ${currency}`;
};
const decimal = (value: string): string => value.replace('.', ',');

function accountText(means: StoredDocument['paymentMeans'][number]): string | null {
  if (means.account === null) return null;
  switch (means.accountType) {
    case 'bankgiro':
      return `Bankgiro ${formatBankgiro(means.account)}`;
    case 'plusgiro':
      return `Plusgiro ${formatPlusgiro(means.account)}`;
    case 'iban':
      return `IBAN ${means.account}${means.institution ? `, BIC ${means.institution}` : ''}`;
    default:
      return `Konto ${means.account}${means.institution ? ` (${means.institution})` : ''}`;
  }
}

class Writer {
  private page: PDFPage;
  private y: number;
  private readonly safe = new Map<string, string>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - margin;
  }

  /** Text the font can encode; anything else becomes "?". */
  private encodable(text: string): string {
    return Array.from(text.replace(/[\r\n\t]+/g, ' '), (character) => {
      let known = this.safe.get(character);
      if (known === undefined) {
        try {
          this.font.encodeText(character);
          known = character;
        } catch {
          known = '?';
        }
        this.safe.set(character, known);
      }
      return known;
    }).join('');
  }

  private room(height: number): void {
    if (this.y - height < margin) {
      this.page = this.pdf.addPage(A4);
      this.y = A4[1] - margin;
    }
  }

  /** Words wrapped to `width` at `x`. */
  private wrap(text: string, size: number, width: number, font: PDFFont): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.encodable(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines.length > 0 ? lines : [''];
  }

  text(text: string, { size = 10, boldFace = false, x = margin, width = A4[0] - 2 * margin } = {}): void {
    const font = boldFace ? this.bold : this.font;
    for (const line of this.wrap(text, size, width, font)) {
      this.room(size + 4);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size + 4;
    }
  }

  /** One row of columns: [text, x, right-aligned?]. */
  row(cells: readonly [string, number, boolean?][], { size = 9, boldFace = false } = {}): void {
    const font = boldFace ? this.bold : this.font;
    this.room(size + 5);
    for (const [value, x, right] of cells) {
      const text = this.encodable(value);
      const drawX = right ? x - font.widthOfTextAtSize(text, size) : x;
      this.page.drawText(text, { x: drawX, y: this.y - size, size, font });
    }
    this.y -= size + 5;
  }

  rule(): void {
    this.room(8);
    this.page.drawLine({ start: { x: margin, y: this.y - 3 }, end: { x: A4[0] - margin, y: this.y - 3 }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
    this.y -= 8;
  }

  gap(points = 8): void {
    this.y -= points;
  }
}

export async function invoicePdf(document: StoredDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `${documentTitle(document)} ${document.number}`;
  const issued = new Date(`${document.issueDate}T12:00:00Z`);
  pdf.setTitle(`${title} från ${document.supplier.name}`);
  pdf.setAuthor(document.supplier.name);
  pdf.setSubject(document.label);
  pdf.setLanguage('sv-SE');
  pdf.setProducer('kommunkit (pdf-lib)');
  pdf.setCreator('kommunkit mina fakturor');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const writer = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  const { currency } = document;

  writer.text(document.supplier.name, { size: 14, boldFace: true });
  if (document.supplier.organisationNumber) writer.text(`Organisationsnummer ${document.supplier.organisationNumber}`, { size: 9 });
  writer.gap();
  writer.text(title, { size: 18, boldFace: true });
  writer.text(document.label, { size: 11 });
  writer.gap(4);
  writer.text(`Fakturadatum: ${document.issueDate}`);
  writer.text(`Förfallodag: ${document.dueDate ?? 'anges inte'}`);
  if (document.billingReference) writer.text(`Krediterar faktura ${document.billingReference}`);
  if (document.buyerReference) writer.text(`Er referens: ${document.buyerReference}`);
  if (document.period) writer.text(`Period: ${document.period.start ?? '?'} – ${document.period.end ?? '?'}`);
  writer.gap();
  writer.text('Kund', { boldFace: true });
  writer.text(document.customer.name);
  const address = document.customer.address;
  if (address) writer.text([address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
  writer.gap();

  const right = A4[0] - margin;
  writer.row([['Beskrivning', margin], ['Antal', 330, true], ['À-pris', 400, true], ['Moms', 450, true], ['Belopp', right, true]], { boldFace: true });
  writer.rule();
  for (const line of document.lines) {
    writer.row([
      [line.name.length > 55 ? `${line.name.slice(0, 54)}…` : line.name, margin],
      [`${decimal(line.quantity)} ${line.unitCode}`, 330, true],
      [decimal(line.unitPrice), 400, true],
      [line.vatPercent === null ? line.vatCategory : `${decimal(line.vatPercent)} %`, 450, true],
      [money(line.amount, currency), right, true],
    ]);
    if (line.period) writer.text(`Period ${line.period.start ?? '?'} – ${line.period.end ?? '?'}`, { size: 8, x: margin + 10 });
  }
  writer.rule();
  const total = (label: string, amount: string | null, boldFace = false) => {
    if (amount !== null) writer.row([[label, 300], [money(amount, currency), right, true]], { size: boldFace ? 11 : 9, boldFace });
  };
  total('Summa exklusive moms', document.totals.taxExclusiveAmount);
  for (const entry of document.vat) total(`Moms ${entry.percent === null ? entry.category : `${decimal(entry.percent)} %`} på ${money(entry.taxableAmount, currency)}`, entry.taxAmount);
  total('Summa inklusive moms', document.totals.taxInclusiveAmount);
  total('Redan betalt', document.totals.prepaidAmount);
  total('Öresavrundning', document.roundingAmount);
  total(document.documentType === 'creditNote' ? 'Att kreditera' : 'Att betala', document.payableAmount, true);
  writer.gap();

  if (document.documentType === 'invoice') {
    writer.text('Betalning', { boldFace: true });
    for (const means of document.paymentMeans) {
      const account = accountText(means);
      if (account) writer.text(account);
      if (means.reference) writer.text(`${means.referenceType === 'ocr' ? 'OCR-nummer' : 'Meddelande'}: ${means.reference}`);
    }
    if (document.paymentTerms) writer.text(document.paymentTerms);
  }
  for (const note of document.notes) writer.text(note, { size: 9 });
  return pdf.save({ useObjectStreams: false });
}
