import { SaxesParser } from 'saxes';

/** Parses with a conforming XML 1.0 parser (saxes throws on what is not well-formed); returns the text nodes. */
export function xmlTexts(xml: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser();
  parser.on('text', (text) => texts.push(text));
  parser.write(xml).close();
  return texts;
}
