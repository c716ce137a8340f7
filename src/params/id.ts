import type { ParamMatcher } from '@sveltejs/kit';

/** A database id: digits only, no leading zero, small enough for SQLite. Anything else is a 404. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
