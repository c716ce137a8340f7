/** Scenarios: draft sets of patches, their edits, undo and redo, and their figures. Pure. */
export * from './types';
export { applyEdit, freeSlug } from './edits';
export { applyChange, revertChange, undoRedoTargets, type EditStep } from './history';
export { compareWithPublished, type PatchComparison, type ScenarioComparison } from './compare';
export { scenarioFigures, type ScenarioFigures } from './check';
export { smallAreaAt } from './pick';
