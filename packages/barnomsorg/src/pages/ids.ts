/** Id of a control in the shadow root: the same as the controller's `fieldId`, for pages that name their own controls. */
export const fieldIdOf = (name: string): string => `kk-bo-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
