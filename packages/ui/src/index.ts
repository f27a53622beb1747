export { KkElement, type KkEventMap } from './base-element.js';
export { applyConfigTheme, tokenDefaults, tokenStyles, type TokenName } from './tokens.js';
export { uiStyles } from './styles.js';
export { formStyles } from './forms/styles.js';
export { heading, parseHeadingLevel, subLevel, type HeadingLevel, type HeadingOptions } from './heading.js';
export {
  getLocale,
  matchLocale,
  registerTranslations,
  resolveLang,
  sourceLocale,
  targetLocales,
  useLocale,
  type Locale,
  type TargetLocale,
} from './localization.js';
export { describedBy, errorId, hintId, type FieldOptions } from './forms/fields/field.js';
export { textField, textarea, type InputWidth, type TextFieldOptions, type TextareaOptions } from './forms/fields/text.js';
export { radios, checkboxes, optionId, type Choice, type RadiosOptions, type CheckboxesOptions } from './forms/fields/choice.js';
export { select, type SelectOptions } from './forms/fields/select.js';
export { dateField, type DateFieldOptions } from './forms/fields/date.js';
export { fileField, type FileFieldOptions } from './forms/fields/file.js';
export { FormController, type FieldRule, type FormRules, type FormControllerOptions } from './forms/form-controller.js';
export { errorSummary, focusControl, type ErrorSummaryItem } from './forms/error-summary.js';
export { StepController, backLink, continueButton, stepCounter, type StepFlowOptions } from './forms/step-flow.js';
export { summaryList, type SummaryRow } from './forms/summary-list.js';
export { alert, button, confirmationPanel, spinner, statusTag, type ButtonVariant, type Tone } from './feedback.js';
export { ClientController, clientContext } from './client-context.js';
