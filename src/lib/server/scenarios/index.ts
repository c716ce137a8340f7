/** Scenarios in the database: read, create, edit, undo and redo, publish, discard, and their figures. */
export * from './scenarios';
export { editScenario, undoOrRedo, type EditOutcome } from './edits';
export { publishScenario, type PublishOutcome } from './publish';
export { figuresForScenario, smallAreaGeometry, MAX_SMALL_AREAS_ON_PAGE } from './figures';
export { liveChangesSince, type LiveChange } from './live-changes';
