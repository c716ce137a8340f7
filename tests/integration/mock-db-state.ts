/**
 * The database a test file's mocked `$lib/server/db` hands out, in a module with no imports, so a
 * vi.mock factory can load it without a cycle:
 * vi.mock('$lib/server/db', async () => {
 *   const { dbState } = await import('./mock-db-state');
 *   return { getDb: () => dbState.db };
 * });
 */
export const dbState = { db: undefined as unknown };
