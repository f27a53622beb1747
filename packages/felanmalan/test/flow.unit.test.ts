import { describe, expect, it } from 'vitest';
import type { Open311Service } from '@kommunkit/sdk/felanmalan';
import { canShow, emptyAnswers, groupServices, next, questionSteps, restorePath, searchServices, stepForField, toReport, type Answers, type Step } from '../src/flow.js';

const service = (code: string, name: string, group: string, keywords = ''): Open311Service => ({
  service_code: code,
  service_name: name,
  description: '',
  metadata: false,
  type: 'realtime',
  keywords,
  group,
});

const answered = (extra: Partial<Answers> = {}): Answers => ({ ...emptyAnswers(), serviceCode: 'gatubelysning', address: 'Storgatan 1', description: 'Lampan lyser inte', ...extra });

/** Walks the flow from the start with the given context. */
function walk(nearbyCount: number): Step[] {
  const path: Step[] = ['category'];
  while (path[path.length - 1] !== 'confirmation') path.push(next(path[path.length - 1]!, { nearbyCount }));
  return path;
}

describe('the felanmälan flow', () => {
  it('skips the nearby page when nothing is reported nearby', () => {
    expect(walk(0)).toEqual(['category', 'place', 'details', 'contact', 'check', 'confirmation']);
    expect(questionSteps({ nearbyCount: 0 })).toHaveLength(5);
  });

  it('shows the nearby page when there are open reports nearby', () => {
    expect(walk(2)).toEqual(['category', 'place', 'nearby', 'details', 'contact', 'check', 'confirmation']);
    expect(questionSteps({ nearbyCount: 2 })).toHaveLength(6);
  });

  it('only shows a page when the questions before it are answered', () => {
    expect(canShow('place', emptyAnswers())).toBe(false);
    expect(canShow('details', { ...emptyAnswers(), serviceCode: 'x' })).toBe(false);
    expect(canShow('details', { ...emptyAnswers(), serviceCode: 'x', lat: 59, long: 18 })).toBe(true);
    expect(canShow('check', answered({ description: '  ' }))).toBe(false);
    expect(canShow('check', answered())).toBe(true);
    expect(canShow('confirmation', answered())).toBe(false);
  });

  it('restores a saved path only as far as the answers carry it', () => {
    expect(restorePath(['category', 'place', 'details', 'contact'], answered())).toEqual(['category', 'place', 'details', 'contact']);
    expect(restorePath(['category', 'place', 'details', 'contact'], answered({ description: '' }))).toEqual(['category', 'place', 'details']);
    expect(restorePath(['category', 'place', 'check', 'confirmation'], answered())).toEqual(['category', 'place', 'check']);
    expect(restorePath(['bogus'], answered())).toEqual(['category']);
    expect(restorePath([], answered())).toEqual(['category']);
  });

  it('searches categories by name, keyword and group, and groups them in order', () => {
    const services = [service('lampa', 'Gatubelysning', 'Gata och trafik', 'lampa,lykta'), service('klotter', 'Klotter', 'Park'), service('hal', 'Hål i vägen', 'Gata och trafik', 'grop')];
    expect(searchServices(services, 'LYKTA').map((s) => s.service_code)).toEqual(['lampa']);
    expect(searchServices(services, 'gata grop').map((s) => s.service_code)).toEqual(['hal']);
    expect(searchServices(services, ' ')).toHaveLength(3);
    expect(groupServices(services).map(([group, list]) => [group, list.length])).toEqual([
      ['Gata och trafik', 2],
      ['Park', 1],
    ]);
  });

  it('builds the report without empty contact details', () => {
    expect(toReport(answered({ lat: 59.3, long: 18.1, firstName: ' Anna ', email: '', attributes: { lamp_number: 'L1' } }))).toEqual({
      serviceCode: 'gatubelysning',
      lat: 59.3,
      long: 18.1,
      address: 'Storgatan 1',
      description: 'Lampan lyser inte',
      attributes: { lamp_number: 'L1' },
      firstName: 'Anna',
    });
  });

  it('sends the gateway\'s field errors to the page where they can be corrected', () => {
    expect(stepForField('lat')).toBe('place');
    expect(stepForField('email')).toBe('contact');
    expect(stepForField('media')).toBe('details');
    expect(stepForField('attribute[lamp_number]')).toBe('details');
  });
});
