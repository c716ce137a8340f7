/** Calling staff routes directly in tests: events for each role, and what a call ended in. */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { eq, desc } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { fakeEvent } from '../../src/lib/server/auth/route-test-helpers';

/** What a load or action ended in, as a person would see it. */
export type Outcome =
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number }
	| { kind: 'fail'; status: number; data: Record<string, unknown> }
	| { kind: 'ok'; data: unknown };

export async function outcomeOf(fn: () => unknown): Promise<Outcome> {
	try {
		const result = await fn();
		if (isActionFailure(result)) {
			return {
				kind: 'fail',
				status: result.status,
				data: result.data as unknown as Record<string, unknown>
			};
		}
		return { kind: 'ok', data: result };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status };
		throw e;
	}
}

/** An event for a route: a GET, or a POST with a form (repeated keys as arrays). */
export function staffEvent(
	url: string,
	user: SessionUser | null,
	params: Record<string, string> = {},
	form?: Record<string, string | string[]>
) {
	const event = fakeEvent({ url, user });
	if (form) {
		const body = new FormData();
		for (const [key, value] of Object.entries(form)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
		}
		event.request = new Request(url, { method: 'POST', body });
	}
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { ...event, params } as any;
}

let address = 0;
/** A fresh client address each time, so the suggestion forms' hourly limit never bites a test. */
export const nextAddress = () => {
	address += 1;
	return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

/** The id of the newest suggestion. */
export function lastSuggestionId(db: Db): number {
	return db
		.select({ id: t.suggestions.id })
		.from(t.suggestions)
		.orderBy(desc(t.suggestions.id))
		.get()!.id;
}

export function getAsset(db: Db, id: number) {
	return db.select().from(t.assets).where(eq(t.assets.id, id)).get();
}
