import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, fieldGroup, type FieldOptions } from './field.js';

export interface FileFieldOptions extends FieldOptions {
  /** MIME types or extensions, as the `accept` attribute takes them. */
  accept?: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A native file input. The chosen files are handed to `onFiles` and the input is cleared, so
 * the widget owns the list (previews, remove buttons) and choosing again adds files instead of
 * silently replacing them.
 */
export function fileField(options: FileFieldOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<input
      class="kk-file"
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
    />`,
  );
}
