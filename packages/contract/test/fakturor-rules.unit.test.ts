import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bankgiroProblem, formatBankgiro, formatPlusgiro, luhnCheckDigit, luhnValid, ocrProblem, plusgiroProblem } from '../src/fakturor-rules.js';

describe('@kommunkit/contract/fakturor-rules', () => {
  it('imports nothing, so the widget chunk that formats identifiers gets no schema library', async () => {
    const source = await readFile(new URL('../src/fakturor-rules.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('checks Luhn from the right, the check digit weighing 1', () => {
    expect(luhnValid('79927398713')).toBe(true); // the textbook example
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('18')).toBe(true); // 1·2 + 8 = 10
    expect(luhnValid('1')).toBe(false); // too short to carry a check digit
    expect(luhnValid('12a4')).toBe(false);
  });

  it('makes the Luhn check digit of an odd or an even count of digits', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('1')).toBe(8);
    // A personnummer's ten-digit form (the dev IdP's test persons), and an organisationsnummer.
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(luhnCheckDigit('556036079')).toBe(3);
  });

  it('accepts an OCR reference of 2–25 digits with its check digit, spaces and dashes aside', () => {
    expect(ocrProblem('12345682')).toBeNull();
    expect(ocrProblem('1234 5682')).toBeNull();
    expect(ocrProblem('12345683')).toBe('check');
    expect(ocrProblem('1')).toBe('length');
    expect(ocrProblem('1'.repeat(24) + '8')).toBe('check');
    expect(ocrProblem('1'.repeat(26))).toBe('length');
    expect(ocrProblem('12345A82')).toBe('format');
    expect(ocrProblem('')).toBe('format');
  });

  it('checks the length digit when the payee uses one: the next-to-last digit is the length mod 10', () => {
    // 8 digits: …8 then the check digit 2.
    expect(ocrProblem('12345682', { lengthDigit: true })).toBeNull();
    // 11 digits, next-to-last 1.
    expect(ocrProblem('79927398713', { lengthDigit: true })).toBeNull();
    // Luhn-valid, but the next-to-last digit (6) is not its length (7).
    expect(ocrProblem('1234566', { lengthDigit: true })).toBe('length');
    expect(ocrProblem('1234566')).toBeNull();
  });

  it('accepts bankgiro numbers of 7 or 8 digits with a valid check digit', () => {
    expect(bankgiroProblem('5050-1055')).toBeNull();
    expect(bankgiroProblem('991-2346')).toBeNull();
    expect(bankgiroProblem('5050-1056')).toBe('check');
    expect(bankgiroProblem('123-456')).toBe('length');
    expect(bankgiroProblem('123456789')).toBe('length');
    expect(bankgiroProblem('5050–1055')).toBe('format'); // an en dash is not a separator we guess at
  });

  it('accepts plusgiro numbers of 2–8 digits with a valid check digit', () => {
    expect(plusgiroProblem('18')).toBeNull();
    expect(plusgiroProblem('1234566')).toBeNull();
    expect(plusgiroProblem('123456-6')).toBeNull();
    expect(plusgiroProblem('1234567')).toBe('check');
    expect(plusgiroProblem('1')).toBe('length');
    expect(plusgiroProblem('123456789')).toBe('length');
  });

  it('formats as banks print them', () => {
    expect(formatBankgiro('50501055')).toBe('5050-1055');
    expect(formatBankgiro('9912346')).toBe('991-2346');
    expect(formatPlusgiro('1234566')).toBe('123456-6');
  });
});
