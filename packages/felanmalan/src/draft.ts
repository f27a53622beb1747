import { emptyAnswers, type Answers } from './flow.js';

/**
 * What the citizen typed survives a reload and a failed submit: the answers and the pages
 * taken, in sessionStorage (this tab only, gone when it closes), one draft per kommun. Photos
 * are not kept: files cannot be stored there, so the widget tells the citizen to add them again.
 */
export interface SavedDraft {
  answers: Answers;
  path: string[];
  /** Photos had been added when the draft was saved; they are lost on reload. */
  hadPhotos: boolean;
}

export const draftKey = (kommun: string): string => `kommunkit:felanmalan:${kommun}`;

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed iframe)
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The saved draft, or null when there is none or it cannot be read. */
export function loadDraft(kommun: string): SavedDraft | null {
  if (!kommun) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage()?.getItem(draftKey(kommun)) ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isRecord(parsed.answers)) return null;
  const saved = parsed.answers;
  const attributes: Answers['attributes'] = {};
  if (isRecord(saved.attributes)) {
    for (const [code, value] of Object.entries(saved.attributes)) {
      if (typeof value === 'string') attributes[code] = value;
      else if (Array.isArray(value)) attributes[code] = value.filter((item): item is string => typeof item === 'string');
    }
  }
  const answers: Answers = {
    ...emptyAnswers(),
    serviceCode: text(saved.serviceCode),
    address: text(saved.address),
    lat: number(saved.lat),
    long: number(saved.long),
    description: text(saved.description),
    attributes,
    firstName: text(saved.firstName),
    lastName: text(saved.lastName),
    email: text(saved.email),
    phone: text(saved.phone),
  };
  const path = Array.isArray(parsed.path) ? parsed.path.filter((step): step is string => typeof step === 'string') : [];
  return { answers, path, hadPhotos: parsed.hadPhotos === true };
}

export function saveDraft(kommun: string, draft: SavedDraft): void {
  if (!kommun) return;
  try {
    storage()?.setItem(draftKey(kommun), JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the citizen keeps the answers in the page, only a reload loses them.
  }
}

export function clearDraft(kommun: string): void {
  try {
    storage()?.removeItem(draftKey(kommun));
  } catch {
    // Blocked storage holds no draft.
  }
}
