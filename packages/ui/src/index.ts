export { KkElement, type KkEventMap } from './base-element.js';
export { applyConfigTheme, tokenDefaults, tokenStyles, type TokenName } from './tokens.js';
export { uiStyles } from './styles.js';
export { formStyles } from './forms/styles.js';
export { heading, parseHeadingLevel, subLevel, type HeadingLevel, type HeadingOptions } from './heading.js';
export {
  getLocale,
  LocaleController,
  matchLocale,
  msg,
  onLocaleChange,
  registerTranslations,
  resolveLang,
  sourceLocale,
  str,
  targetLocales,
  useLocale,
  type Locale,
  type TargetLocale,
} from './localization.js';
export { describedBy, errorId, hintId, inlineError, type FieldOptions } from './forms/fields/field.js';
export { textField, textarea, type InputWidth, type TextFieldOptions, type TextareaOptions } from './forms/fields/text.js';
export { radios, checkboxes, optionId, type Choice, type RadiosOptions, type CheckboxesOptions } from './forms/fields/choice.js';
export { select, type SelectOptions } from './forms/fields/select.js';
export { dateField, type DateFieldOptions } from './forms/fields/date.js';
export { fileField, type FileFieldOptions } from './forms/fields/file.js';
export { FormController, type BoundField, type FieldRule, type FormRules, type FormControllerOptions } from './forms/form-controller.js';
export { AddAnotherController, addAnother, type AddAnotherItem, type AddAnotherOptions, type AddAnotherTemplateOptions } from './forms/add-another.js';
export { GridController, slotGrid, type GridControllerOptions, type GridPosition, type Slot, type SlotGridOptions } from './grid-controller.js';
export { errorSummary, focusControl, type ErrorSummaryItem } from './forms/error-summary.js';
export { StepController, backLink, continueButton, stepCaption, stepCounter, type StepFlowOptions } from './forms/step-flow.js';
export { defineFlow, type Flow, type FlowStep } from './forms/define-flow.js';
export { FlowController, type FlowControllerOptions } from './forms/flow-controller.js';
export { summaryList, type SummaryRow } from './forms/summary-list.js';
export { alert, button, spinner, statusTag, type ButtonVariant, type Tone } from './feedback.js';
export { confirmationPanel } from './forms/confirmation-panel.js';
export { ClientController, clientContext } from './client-context.js';
export {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatTime,
  formatTimeRange,
  intlLocale,
  prepareFormats,
  timeZone,
  toDate,
  type DateInput,
} from './format.js';
export { statusHistory, statusHistoryStyles, type StatusChange, type StatusHistoryOptions } from './status-history.js';
export { pageCountOf, pager, pageItems, pagerStyles, type CursorPagerOptions, type NumberedPagerOptions, type PagerFocus, type PagerOptions } from './pager.js';
export {
  ListDetailController,
  listDetailStyles,
  listDetail,
  type ListDetailControllerOptions,
  type ListDetailItem,
  type ListDetailOptions,
} from './list-detail.js';
export { characterLength, countAnnounceDelay, countInfoId } from './forms/fields/text.js';
export { plural, type PluralForms } from './plural.js';
export { questionPage, type QuestionPageOptions } from './forms/question-page.js';
export { isNumberAnswer, questionFields, questionForm, type Question } from './forms/questions.js';
export { AuthController, loginGate, type AuthControllerOptions, type AuthState, type LoginGateOptions, type LoginReturn } from './auth/auth-controller.js';
export { ReaderKey } from './auth/reader-key.js';
export { DraftController, type DraftControllerOptions, type DraftSaveState, type DraftState, type RestoredDraft } from './drafts/draft-controller.js';
export { draftNotices } from './drafts/draft-notices.js';
export { KommunController, type KommunControllerOptions, type KommunStatus } from './kommun/kommun-controller.js';
export { LazyFeatures, type FeatureLoaders, type FeatureModule, type LoadedFeature } from './lazy-features.js';
export { loadable, type Loadable, type TaskLike } from './loadable.js';
