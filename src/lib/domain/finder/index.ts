export * from './candidate';
export * from './inputs';
export * from './score';
export * from './terms';
export * from './times';
export * from './walking';
export * from './why';
