import { msg } from '../../localization.js';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, fieldGroup, type FieldOptions } from './field.js';

export interface FileFieldOptions extends FieldOptions {
  /** MIME types or extensions, as the `accept` attribute takes them. */
  accept?: string;
  multiple?: boolean;
  /** The picker button's text, e.g. "Välj bilder"; "Välj filer" by default. */
  buttonLabel?: string;
  onFiles: (files: File[]) => void;
}

/**
 * A file picker: the native input, visually hidden but focusable (Tab, Enter/Space open the
 * dialog, a screen reader hears a file button named by both labels), and a styled label as its
 * visible button, which shows the input's focus. The browser's own "No file chosen" text is
 * gone, and with it the native control's fixed width. The chosen files are handed to
 * `onFiles` and the input is cleared, so the widget owns the list (previews, remove buttons)
 * and choosing again adds files instead of silently replacing them.
 */
export function fileField(options: FileFieldOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<div class="kk-file">
      <input
        class="kk-file__input"
        type="file"
        id=${options.id}
        name=${options.name}
        accept=${ifDefined(options.accept)}
        ?multiple=${options.multiple ?? false}
        aria-describedby=${describedBy(options)}
        aria-invalid=${options.error ? 'true' : 'false'}
        ?disabled=${options.disabled ?? false}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const files = [...(input.files ?? [])];
          input.value = '';
          options.onFiles(files);
        }}
      />
      <label class="kk-button kk-button--secondary kk-file__button" for=${options.id}>${options.buttonLabel ?? msg('Välj filer')}</label>
    </div>`,
  );
}
