/** The entry editor's rules: reading the form, showing an entry as a form, comparing versions. */
export * from './types';
export * from './fields';
export * from './form';
export * from './to-fields';
export * from './diff';
export { readDate, readTime } from './dates';
export * from './snapshot';
export * from './view';
