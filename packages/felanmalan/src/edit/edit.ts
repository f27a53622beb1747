import { msg } from '@kommunkit/ui';
import { maxDescriptionLength } from '@kommunkit/contract/felanmalan-rules';
import { ApiError, type KommunkitClient } from '@kommunkit/sdk';
import type { MyReport } from '@kommunkit/contract';
import { editMyReport, withdrawMyReport } from '@kommunkit/sdk/felanmalan-citizen';
import { felanmalanFor } from '@kommunkit/sdk/felanmalan';
import { formatDateTime, FormController, getLocale } from '@kommunkit/ui';
import type { ReactiveController } from 'lit';
import type { FelanmalanController } from '../controller.js';
import type { EditView } from '../pages/types.js';
import { descriptionRule } from '../rules.js';

/*
 * Correcting or withdrawing a report within the time the gateway gives (`editableUntil`), from
 * the confirmation, "Mina anmälningar" and the follow view: a chunk of its own, shared by those
 * three. The owner is known by the session; an anonymous reporter by the edit token the gateway
 * gave once when filing, kept in this tab's sessionStorage with the reference.
 */

/** What allows an edit: until when, and the token when filed without logging in. */
export interface EditGrant {
  until: string;
  token?: string | undefined;
}

type Tokens = Record<string, EditGrant>;

const tokensKey = (client: KommunkitClient): string => `kommunkit:felanmalan-edit:${client.kommun}`;
const isText = (value: unknown): value is string => typeof value === 'string';
const stillOpen = (until: string | null | undefined): until is string => !!until && Date.parse(until) > Date.now();

function readTokens(client: KommunkitClient): Tokens {
  const tokens: Tokens = {};
  try {
    const stored = JSON.parse(sessionStorage.getItem(tokensKey(client)) ?? '{}') as Record<string, { token?: unknown; until?: unknown } | null>;
    for (const [reference, grant] of Object.entries(stored)) {
      // Storage is input too; an expired grant is of no use any more.
      if (isText(grant?.token) && isText(grant.until) && stillOpen(grant.until)) tokens[reference] = { token: grant.token, until: grant.until };
    }
  } catch {
    // Unreadable or blocked: no tokens.
  }
  return tokens;
}

/** Keeps the edit token of a report just filed, for as long as it can be used. */
export function keepToken(client: KommunkitClient, reference: string, grant: EditGrant): void {
  const tokens = readTokens(client);
  if (tokens[reference]?.token === grant.token || !grant.token || !stillOpen(grant.until)) return;
  tokens[reference] = grant;
  try {
    sessionStorage.setItem(tokensKey(client), JSON.stringify(tokens));
  } catch {
    // Full or blocked storage: the confirmation still has the token until the page goes.
  }
}

/** The edit token this tab holds for `reference`, while it can still be used. */
export const tokenFor = (client: KommunkitClient, reference: string): EditGrant | undefined => readTokens(client)[reference];

/** One report's edit, for the one report that shows it at a time. */
class Editor implements ReactiveController {
  reference = '';
  state: EditView['state'] = 'closed';
  busy = false;
  message: string | undefined;
  /** The description as the gateway has it, once known. */
  description: string | undefined;
  readonly form: FormController<{ description: string }>;
  private focus = false;

  constructor(private readonly c: FelanmalanController) {
    this.form = new FormController(c.host, {
      initial: { description: '' },
      // `fieldId('edit-description')`, written out: a value import of the controller would split it into a chunk of its own.
      idFor: () => 'kk-fel-edit-description',
      rules: { description: descriptionRule },
    });
    c.host.addController(this);
  }

  hostUpdated(): void {
    if (!this.focus) return;
    this.focus = false;
    this.c.host.renderRoot.querySelector<HTMLElement>('[data-kk-edit] [data-kk-focus-target]')?.focus();
  }

  /** Starts over for another report. */
  target(reference: string, description: string | undefined): void {
    if (reference === this.reference) return;
    this.reference = reference;
    this.state = 'closed';
    this.busy = false;
    this.message = undefined;
    this.description = description;
  }

  /** A new state, with focus on its heading after the update. */
  show(state: EditView['state'], message?: string): void {
    this.state = state;
    this.message = message;
    this.focus = true;
    this.c.host.requestUpdate();
  }

  async open(): Promise<void> {
    this.form.setAll({ description: this.description ?? '' });
    this.show('editing');
    const client = this.c.options.client();
    if (this.description !== undefined || !client) return;
    // After a reload the text is not in the page: the public report has it.
    const reference = this.reference;
    try {
      const found = await felanmalanFor(client).lookup(reference);
      if (reference !== this.reference || this.form.values.description) return;
      this.description = found?.description ?? '';
      this.form.setAll({ description: this.description });
      this.c.host.requestUpdate();
    } catch {
      // The citizen can still write the whole description anew.
    }
  }

  async run(grant: EditGrant, change: (client: KommunkitClient, options: { editToken?: string }) => Promise<MyReport>, done: EditView['state'], onDone: (report: MyReport) => void): Promise<void> {
    const client = this.c.options.client();
    if (this.busy || !client) return;
    const reference = this.reference;
    this.busy = true;
    this.message = undefined;
    this.c.host.requestUpdate();
    try {
      const report = await change(client, grant.token ? { editToken: grant.token } : {});
      if (reference !== this.reference) return;
      this.description = report.description;
      onDone(report);
      this.show(done);
    } catch (error) {
      if (reference !== this.reference) return;
      // The gateway's own check of the text (the same rules as filing) marks the field.
      const field = error instanceof ApiError ? error.fieldError('description') : undefined;
      if (field) this.form.setErrors({ description: field });
      else if (error instanceof ApiError && error.status === 409) this.show('too-late', error.detail);
      else
        this.show(
          this.state,
          error instanceof ApiError && error.status === 404
            ? msg('Vi hittade inte anmälan. Den kan ha tagits bort.')
            : msg('Det gick inte att spara ändringen just nu. Försök igen om en stund.'),
        );
    } finally {
      this.busy = false;
      this.c.host.requestUpdate();
    }
  }
}

const editorOf = (c: FelanmalanController): Editor => c.stateOf(Editor, () => new Editor(c));

/**
 * The edit part of a report's view, or undefined when it cannot be edited (no grant, or its time
 * is up) and nothing happened to it here. `onDone` gets the report as the gateway has it now.
 */
export function editView(
  c: FelanmalanController,
  headingLevel: EditView['headingLevel'],
  target: { reference: string; description?: string | undefined; grant: EditGrant | undefined },
  onDone: (report: MyReport) => void = () => undefined,
): EditView | undefined {
  const editor = editorOf(c);
  editor.target(target.reference, target.description);
  const { grant } = target;
  if (editor.state === 'closed' && !editor.message && !stillOpen(grant?.until)) return undefined;
  const active = grant ?? { until: '' };
  const reference = target.reference;
  return {
    headingLevel,
    state: editor.state,
    until: active.until ? formatDateTime(active.until, getLocale()) : '',
    description: editor.form.bind('description'),
    descriptionMax: maxDescriptionLength,
    errors: editor.form.summary(),
    busy: editor.busy,
    message: editor.message,
    onEdit: () => void editor.open(),
    onWithdraw: () => editor.show('withdrawing'),
    onCancel: () => editor.show('closed'),
    onSave: () => {
      if (!editor.form.submit()) return;
      const description = editor.form.values.description.trim();
      void editor.run(active, (client, options) => editMyReport(client, reference, { description }, options), 'edited', onDone);
    },
    onConfirmWithdraw: () => void editor.run(active, (client, options) => withdrawMyReport(client, reference, options), 'withdrawn', onDone),
  };
}
