/**
 * The council gap analysis: pure functions from small areas, patches and entries to where community
 * assets are missing, by people (patch × category), straight-line distance, time of week, and what a
 * new venue would change. See issue 13 and DESIGN.md ("gap").
 */
export * from './types';
export { countableAssets, assetsInCategory } from './countable';
export { median } from './median';
export { patchFinder, type PatchShape } from './assign';
export * from './matrix';
export { pointIndex, haversine, type PointIndex, type Nearest } from './point-index';
export * from './distances';
export * from './beyond';
export * from './time-of-week';
export * from './what-if';
export * from './report';
export * from './report-output';
export { gapReportText } from './report-text';
export * from './options';
export { withAncestors } from './categories';
