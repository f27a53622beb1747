import type { Open311Service } from '@kommunkit/sdk/felanmalan';

/** Categories matching a search, by name, keywords, group and description; all when the search is empty. */
export function searchServices(services: readonly Open311Service[], query: string): Open311Service[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((service) => {
    const haystack = [service.service_name, service.keywords, service.group, service.description].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Categories by group, groups and categories in the order the kommun lists them. */
export function groupServices(services: readonly Open311Service[]): [group: string, services: Open311Service[]][] {
  const groups = new Map<string, Open311Service[]>();
  for (const service of services) {
    const list = groups.get(service.group) ?? [];
    list.push(service);
    groups.set(service.group, list);
  }
  return [...groups];
}
