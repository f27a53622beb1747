import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Value } from 'typebox/value';
import { ConfigError } from '../../config/load.js';
import { UnitsFile, type UnitEntry } from './settings.js';

/** What the schema cannot say about the units: each problem at its key in the file. */
export function unitIssues(units: readonly UnitEntry[]): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  units.forEach((unit, index) => {
    const at = `units[${String(index)}]`;
    if (seen.has(unit.id)) issues.push(`${at}.id: "${unit.id}" is used twice`);
    seen.add(unit.id);
    if (unit.ageFrom > unit.ageTo) issues.push(`${at}.ageFrom: more than ageTo`);
    const months = new Set<string>();
    unit.freePlaces.forEach((free, position) => {
      const month = Number(free.month.slice(5));
      if (month < 1 || month > 12) issues.push(`${at}.freePlaces[${String(position)}].month: "${free.month}" is not a month`);
      if (months.has(free.month)) issues.push(`${at}.freePlaces[${String(position)}].month: ${free.month} is listed twice`);
      months.add(free.month);
    });
  });
  return issues;
}

/**
 * Reads and checks a kommun's units file, relative to the config's directory. A missing,
 * malformed or inconsistent file stops the start with one line naming the key and the file.
 */
export function readUnitsFile(file: string, configDir: string, key: string): UnitEntry[] {
  const path = isAbsolute(file) ? file : resolve(configDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid gateway config:\n  ${key}: cannot read ${path}: ${(error as Error).message}`);
  }
  const [first] = Value.Errors(UnitsFile, raw);
  if (first) throw new ConfigError(`Invalid gateway config:\n  ${key}: ${path}${first.instancePath || ''}: ${first.message}`);
  const { units } = raw as UnitsFile;
  const [issue] = unitIssues(units);
  if (issue) throw new ConfigError(`Invalid gateway config:\n  ${key}: ${path}: ${issue}`);
  return [...units].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
