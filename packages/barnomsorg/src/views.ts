import { draftNotices, formatDate, getLocale, loadable, type HeadingLevel } from '@kommunkit/ui';
import { earliestStart, guaranteeDate, startsBeforeGuarantee, type PlacementType } from '@kommunkit/contract/barnomsorg-rules';
import { msg, str } from '@kommunkit/ui';
import type { BarnomsorgController } from './controller.js';
import type { ChildView, QuestionFrame, StartView, TypeView } from './pages/types.js';
import { typeLabel } from './rules.js';

/** What the element adds to the controller: its heading level. */
export interface ViewContext {
  headingLevel: HeadingLevel;
}

/** What every question page's view has. */
export function frame(c: BarnomsorgController, context: ViewContext, errors: QuestionFrame['errors']): QuestionFrame {
  return {
    headingLevel: context.headingLevel,
    back: c.flow.canGoBack ? () => c.flow.back() : undefined,
    counter: c.flow.counter,
    errors,
    notices: draftNotices(c.draft, { headingLevel: context.headingLevel }),
  };
}

/** The chosen type's label, "Förskola"; '' before one is chosen. */
export const chosenTypeLabel = (c: BarnomsorgController): string => {
  const type = c.typeForm.values.type;
  return type ? typeLabel(type) : '';
};

export const childName = (c: BarnomsorgController): string => {
  const child = c.child;
  return child ? `${child.givenName} ${child.familyName}` : '';
};

function childView(c: BarnomsorgController, context: ViewContext): ChildView {
  return {
    ...frame(c, context, c.childForm.summary()),
    page: 'child',
    children: loadable(c.children, ({ children, someNotShown }) => ({
      someNotShown,
      choices: children.map((child) => ({ value: child.id, label: `${child.givenName} ${child.familyName}`, hint: msg(str`Född ${formatDate(child.birthDate, getLocale())}`) })),
    })),
    child: c.childForm.bind('childId'),
    onSubmit: () => c.submitChild(),
  };
}

function typeView(c: BarnomsorgController, context: ViewContext): TypeView {
  const type = c.typeForm.bind('type');
  return {
    ...frame(c, context, c.typeForm.summary()),
    page: 'type',
    childName: c.child?.givenName ?? '',
    // The children are needed too (the birth date): both have loaded when the child page was answered, or after a restore.
    choices: c.children.value ? loadable(c.settings, () => c.eligibleTypes.map((value: PlacementType) => ({ value, label: typeLabel(value) }))) : loadable(c.children, () => []),
    type: { ...type, value: type.value, onChange: (value: string) => c.chooseType(value), onInput: (value: string) => c.chooseType(value) },
    onSubmit: () => c.submitType(),
  };
}

function startView(c: BarnomsorgController, context: ViewContext): StartView {
  const type = c.typeForm.values.type;
  const today = c.settings.value?.today;
  const birthDate = c.child?.birthDate;
  const value = c.startForm.values.desiredStartDate;
  const earliest = type && today && birthDate ? (earliestStart(type, birthDate, today) ?? undefined) : undefined;
  // Skollagen's guarantee is förskola's; the warning only for a real date the rules accept.
  const guarantees = type === 'forskola' && today !== undefined;
  const warn = guarantees && /^\d{4}-\d{2}-\d{2}$/.test(value) && !c.startForm.errors.desiredStartDate && value >= today && startsBeforeGuarantee(value, today);
  return {
    ...frame(c, context, c.startForm.summary()),
    page: 'start',
    typeLabel: chosenTypeLabel(c),
    date: c.startForm.bind('desiredStartDate'),
    earliest,
    guarantee: guarantees ? formatDate(guaranteeDate(today), getLocale()) : undefined,
    warning: warn
      ? msg(str`Datumet är före garantidatumet ${formatDate(guaranteeDate(today), getLocale())}. Du kan ändå önska det: kommunen försöker ordna en plats, men kan inte lova en plats före garantidatumet.`)
      : undefined,
    onSubmit: () => c.submitStart(),
  };
}

export type FirstPageView = ChildView | TypeView | StartView;

/** The view of the first three pages; the later ones are built by the `steps/` chunk. */
export function viewOf(c: BarnomsorgController, context: ViewContext): FirstPageView | undefined {
  switch (c.flow.current) {
    case 'child':
      return childView(c, context);
    case 'type':
      return typeView(c, context);
    case 'start':
      return startView(c, context);
    default:
      return undefined;
  }
}


