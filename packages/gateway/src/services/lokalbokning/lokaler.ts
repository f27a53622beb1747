import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { ConfigError } from '../../config/load.js';
import { clockMinutes, isRealDate } from './time.js';
import { LokalerFile, type LokalEntry } from './settings.js';

/** What the schema cannot say about a lokal: each problem at its key in the file. */
export function lokalIssues(lokaler: readonly LokalEntry[]): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  lokaler.forEach((lokal, index) => {
    const at = `lokaler[${String(index)}]`;
    if (seen.has(lokal.id)) issues.push(`${at}.id: "${lokal.id}" is used twice`);
    seen.add(lokal.id);
    const { rules } = lokal;
    if (rules.minMinutes > rules.maxMinutes) issues.push(`${at}.rules.minMinutes: more than maxMinutes`);
    for (const key of ['minMinutes', 'maxMinutes'] as const) {
      if (rules[key] % rules.startIntervalMinutes !== 0) issues.push(`${at}.rules.${key}: not a multiple of startIntervalMinutes (${String(rules.startIntervalMinutes)})`);
    }
    rules.openingHours.forEach((hours, position) => {
      if (clockMinutes(hours.open) >= clockMinutes(hours.close)) issues.push(`${at}.rules.openingHours[${String(position)}]: open must be before close`);
    });
    const dates = new Set<string>();
    rules.exceptions.forEach((exception, position) => {
      const key = `${at}.rules.exceptions[${String(position)}]`;
      if (!isRealDate(exception.date)) issues.push(`${key}.date: "${exception.date}" is not a date`);
      if (dates.has(exception.date)) issues.push(`${key}.date: ${exception.date} has two exceptions`);
      dates.add(exception.date);
      if ((exception.open === undefined) !== (exception.close === undefined)) issues.push(`${key}: give both open and close, or neither (closed all day)`);
      else if (exception.open !== undefined && exception.close !== undefined && clockMinutes(exception.open) >= clockMinutes(exception.close)) issues.push(`${key}: open must be before close`);
    });
    const types = lokal.prices.map((price) => price.customerType);
    if (new Set(types).size !== types.length) issues.push(`${at}.prices: a customer type is priced twice`);
    for (const needed of ['privatperson', 'forening'] as const) if (!types.includes(needed)) issues.push(`${at}.prices: no price for ${needed}`);
  });
  return issues;
}

/**
 * Reads and checks a kommun's lokaler file, relative to the config's directory; image paths
 * become addresses on the gateway (`publicUrl`). A missing,
 * malformed or inconsistent file stops the start with one line naming the key and the file.
 */
export function readLokalerFile(file: string, configDir: string, key: string, publicUrl: string): LokalEntry[] {
  const path = isAbsolute(file) ? file : resolve(configDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid gateway config:\n  ${key}: cannot read ${path}: ${(error as Error).message}`);
  }
  const [first] = Value.Errors(LokalerFile, raw);
  if (first) throw new ConfigError(`Invalid gateway config:\n  ${key}: ${path}${first.instancePath || ''}: ${first.message}`);
  const lokaler = (raw as LokalerFile).lokaler;
  const [issue] = lokalIssues(lokaler);
  if (issue) throw new ConfigError(`Invalid gateway config:\n  ${key}: ${path}: ${issue}`);
  return lokaler.map((lokal) => ({ ...lokal, images: lokal.images.map((image) => ({ ...image, url: new URL(image.url, publicUrl).href })) }));
}
