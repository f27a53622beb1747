import { describe, expect, it } from 'vitest';
import type { Open311Service } from '@kommunkit/sdk/felanmalan';
import { emptyAnswers, fromDraft, toReport, type Answers } from '../src/answers.js';
import { groupServices, searchServices } from '../src/categories.js';
import { flow } from '../src/flow.js';
import type { Step } from '../src/types.js';

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
  const path: Step[] = [flow.first];
  while (path[path.length - 1] !== 'confirmation') path.push(flow.next(path[path.length - 1]!, answered(), { nearbyCount }));
  return path;
}

describe('the felanmälan flow', () => {
  it('skips the nearby page when nothing is reported nearby', () => {
    expect(walk(0)).toEqual(['category', 'place', 'details', 'contact', 'check', 'confirmation']);
    expect(flow.questions(answered(), { nearbyCount: 0 })).toHaveLength(5);
  });

  it('shows the nearby page when there are open reports nearby', () => {
    expect(walk(2)).toEqual(['category', 'place', 'nearby', 'details', 'contact', 'check', 'confirmation']);
    expect(flow.counter('nearby', answered(), { nearbyCount: 2 })).toEqual({ index: 1, total: 5 });
  });

  it('only shows a page when the questions before it are answered', () => {
    expect(flow.canShow('place', emptyAnswers())).toBe(false);
    expect(flow.canShow('details', { ...emptyAnswers(), serviceCode: 'x' })).toBe(false);
    expect(flow.canShow('details', { ...emptyAnswers(), serviceCode: 'x', lat: 59, long: 18 })).toBe(true);
    expect(flow.canShow('check', answered({ description: '  ' }))).toBe(false);
    expect(flow.canShow('check', answered())).toBe(true);
    expect(flow.canShow('confirmation', answered())).toBe(false);
  });

  it('restores a saved path only as far as the answers carry it', () => {
    const none = { nearbyCount: 0 };
    expect(flow.restore(['category', 'place', 'details', 'contact'], answered(), none)).toEqual(['category', 'place', 'details', 'contact']);
    expect(flow.restore(['category', 'place', 'details', 'contact'], answered({ description: '' }), none)).toEqual(['category', 'place', 'details']);
    expect(flow.restore(['category', 'place', 'check', 'confirmation'], answered(), none)).toEqual(['category', 'place', 'check']);
    // The reports nearby are looked up again, not restored.
    expect(flow.restore(['category', 'place', 'nearby', 'details'], answered(), none)).toEqual(['category', 'place', 'details']);
    expect(flow.restore(['bogus'], answered(), none)).toEqual(['category']);
    expect(flow.restore([], answered(), none)).toEqual(['category']);
  });

  it("sends the gateway's field errors to the page where they can be corrected", () => {
    expect(flow.stepOfApiField('service_code')).toBe('category');
    expect(flow.stepOfApiField('lat')).toBe('place');
    expect(flow.stepOfApiField('email')).toBe('contact');
    expect(flow.stepOfApiField('media')).toBe('details');
    expect(flow.stepOfApiField('attribute[lamp_number]')).toBe('details');
    expect(flow.stepOfApiField('something_new')).toBe('details');
  });
});

describe('categories and answers', () => {
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

  it('reads a stored draft keeping only values of the right type', () => {
    expect(
      fromDraft({ serviceCode: 'klotter', address: 42, lat: 59.3, long: 'x', description: 'Klotter', attributes: { a: 'ja', b: ['1', 2], c: {} }, email: null, extra: 'x' }),
    ).toEqual({ serviceCode: 'klotter', description: 'Klotter', attributes: { a: 'ja', b: ['1'] } });
    expect(fromDraft({ lat: 59.3, long: 18.1 })).toEqual({ lat: 59.3, long: 18.1 });
  });
});
