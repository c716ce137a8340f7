/** Calling the entry editor's routes in tests: a request event, and what a load or action did. */
import { isActionFailure, isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { fakeCookies } from '../../src/lib/server/auth/route-test-helpers';
import type { SessionUser } from '../../src/lib/server/auth';
import type { FormFields } from '../../src/lib/domain/entries';
import { formDataOf } from './entry-fixture';

/** A request as SvelteKit hands it to a load or action; `fields` makes it a form POST. */
export function event(
	path: string,
	user: SessionUser | null,
	{
		fields,
		params = {},
		cookies = fakeCookies().cookies
	}: { fields?: FormFields; params?: Record<string, string>; cookies?: Cookies } = {}
) {
	const url = `http://localhost${path}`;
	return {
		url: new URL(url),
		params,
		request: fields
			? new Request(url, { method: 'POST', body: formDataOf(fields) })
			: new Request(url),
		locals: { user, session: null },
		cookies,
		getClientAddress: () => '192.0.2.1'
	} as never;
}

export type Outcome =
	| { kind: 'data'; value: Record<string, unknown> }
	| { kind: 'fail'; status: number; data: Record<string, unknown> }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number };

/** What a load or action did: returned data, failed with a status, redirected, or errored. */
export async function outcome(run: () => unknown): Promise<Outcome> {
	try {
		const value = await run();
		if (isActionFailure(value)) {
			return {
				kind: 'fail',
				status: value.status,
				data: value.data as unknown as Record<string, unknown>
			};
		}
		return { kind: 'data', value: (value ?? {}) as Record<string, unknown> };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status };
		throw e;
	}
}

/** The data a load or action returned (the test fails on anything else). */
export function dataOf<T>(result: Outcome): T {
	if (result.kind !== 'data') throw new Error(`expected data, got ${JSON.stringify(result)}`);
	return result.value as T;
}
