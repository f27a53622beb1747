import { describe, expect, it } from 'vitest';
import { maskPersonnummer, recognise, RecipientKeys } from '../src/services/fakturor/recipients.js';
import { decimalOf, fromMinor, percentOf, toMinor } from '../src/services/fakturor/ubl/amounts.js';
import { parseUbl, UblRefused } from '../src/services/fakturor/ubl/parse.js';
import { elementsAt, parseXml, textOf, XmlRefused } from '../src/services/fakturor/ubl/xml.js';
import { ublDocument } from './support/fakturor.js';

describe('amounts as exact decimals', () => {
  it('reads at most two decimals into minor units and writes them back', () => {
    expect(['0.1', '0.2', '1234.5', '-0.40', '+7', '0'].map(toMinor)).toEqual([10n, 20n, 123450n, -40n, 700n, 0n]);
    expect(toMinor('0.1')! + toMinor('0.2')!).toBe(toMinor('0.3'));
    expect(['1.234', '1e3', '12,50', '', ' 1', '.5'].map(toMinor)).toEqual([null, null, null, null, null, null]);
    expect([123450n, -40n, 5n, 0n, -100n].map(fromMinor)).toEqual(['1234.50', '-0.40', '0.05', '0.00', '-1.00']);
    expect(toMinor('99999999999999.99')).toBe(9999999999999999n);
  });

  it('takes a percentage exactly and rounds half away from zero (BR-CO-17)', () => {
    expect(percentOf(100n, '25')).toBe(25n);
    expect(percentOf(312973n, '25')).toBe(78243n); // 782.4325 → 782.43
    expect(percentOf(10n, '25')).toBe(3n); // 0.025 → 0.03
    expect(percentOf(-10n, '25')).toBe(-3n);
    expect(percentOf(10000n, '12.5')).toBe(1250n);
    expect(percentOf(333n, '6')).toBe(20n); // 0.1998 → 0.20
    expect([decimalOf('28.3'), decimalOf('+1'), decimalOf('1.1234567'), decimalOf('x')]).toEqual(['28.3', '1', null, null]);
  });
});

describe('the XML under the reader', () => {
  it('leaves comments out of text and finds elements by namespace, not prefix', () => {
    const root = parseXml('<x:a xmlns:x="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:y="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><x:b><!-- <y:c>1</y:c> --><y:c><!--old-->2<![CDATA[3]]></y:c></x:b></x:a>').documentElement!;
    const found = elementsAt(root, 'cac:b/cbc:c');
    expect(found.map(textOf)).toEqual(['23']);
  });

  it('refuses a DOCTYPE and what is not well-formed', () => {
    expect(() => parseXml('<!DOCTYPE a><a/>')).toThrow(XmlRefused);
    expect(() => parseXml('<a><!ENTITY x "y"></a>')).toThrow(XmlRefused);
    expect(() => parseXml('<a>&x;</a>')).toThrow(XmlRefused);
    expect(() => parseXml('<a></b>')).toThrow(XmlRefused);
  });
});

describe('parseUbl', () => {
  it('reads the test document and refuses a broken one naming every element', () => {
    expect(parseUbl(ublDocument({ number: 'U-1' })).payableAmount).toBe('2813.33');
    const broken = ublDocument({ number: 'U-2' }).replace('<cbc:IssueDate>2026-12-01</cbc:IssueDate>', '<cbc:IssueDate>2026-02-30</cbc:IssueDate>').replace(/<cbc:DocumentCurrencyCode>SEK<\/cbc:DocumentCurrencyCode>/, '<cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>');
    try {
      parseUbl(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UblRefused);
      expect((error as UblRefused).errors.map((entry) => entry.pointer)).toEqual(['/body/cbc:IssueDate', '/body/cbc:DocumentCurrencyCode']);
    }
  });
});

describe('recipients', () => {
  it('recognises personnummer and organisationsnummer in the customer\'s identifiers', () => {
    expect(recognise(null, '198308172397')).toEqual({ kind: 'personnummer', normalised: '198308172397' });
    expect(recognise(null, '19830817-2397')).toEqual({ kind: 'personnummer', normalised: '198308172397' });
    expect(recognise(null, '198308172398')).toEqual({ kind: 'other', normalised: null });
    expect(recognise('0007', '802471-3565')).toEqual({ kind: 'organisationsnummer', normalised: '8024713565' });
    expect(recognise(null, 'SE802471356501')).toEqual({ kind: 'organisationsnummer', normalised: '8024713565' });
    expect(recognise('0007', '198308172397')).toEqual({ kind: 'other', normalised: null });
    expect(recognise('0088', '7300010000001')).toEqual({ kind: 'other', normalised: null });
    expect(maskPersonnummer('198308172397')).toBe('19830817-****');
  });

  it('keys a person by a keyed hash: the same number the same key, another data key another', () => {
    const keys = new RecipientKeys('a-data-key-of-at-least-32-characters!');
    expect(keys.person('198308172397')).toBe(keys.person('198308172397'));
    expect(keys.person('198308172397')).not.toContain('198308172397');
    expect(new RecipientKeys('another-data-key-of-32-characters!!').person('198308172397')).not.toBe(keys.person('198308172397'));
    expect(keys.organisation('802471-3565')).toBe('o:8024713565');
  });
});
