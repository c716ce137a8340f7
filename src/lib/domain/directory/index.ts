/** The public directory's search: parsing, URLs, notices and distances. Pure: no database here. */
export * from './search';
export * from './search-params';
export * from './query-string';
export * from './notices';
export * from './distance';
export * from './freshness';
export * from './ranking';
