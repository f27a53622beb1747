import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvoiceRefused, type Fakturor } from './domain.js';
import { UblRefused } from './ubl/parse.js';

export type FolderResult =
  | { file: string; outcome: 'created' | 'unchanged'; number: string; id: string; recipient: string }
  | { file: string; outcome: 'refused'; reasons: string[] };

/**
 * Imports every `*.xml` of a folder, in name order, as the finance endpoint would: a document
 * already imported with the same bytes is left as it is, so a folder can be imported again.
 * A refused file is reported with its reasons and the rest go on.
 */
export async function importFolder(fakturor: Fakturor, kommunId: string, directory: string): Promise<FolderResult[]> {
  const files = (await readdir(directory)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
  const results: FolderResult[] = [];
  for (const file of files) {
    const bytes = await readFile(join(directory, file));
    try {
      const xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const { created, invoice } = await fakturor.import(kommunId, xml);
      results.push({ file, outcome: created ? 'created' : 'unchanged', number: invoice.document.number, id: invoice.id, recipient: invoice.recipient });
    } catch (error) {
      if (error instanceof UblRefused) results.push({ file, outcome: 'refused', reasons: error.errors.map((entry) => `${entry.pointer}: ${entry.detail}`) });
      else if (error instanceof InvoiceRefused) results.push({ file, outcome: 'refused', reasons: [error.message] });
      else if (error instanceof TypeError) results.push({ file, outcome: 'refused', reasons: ['the file is not UTF-8'] });
      else throw error;
    }
  }
  return results;
}
