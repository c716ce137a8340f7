/**
 * The connection finder: a GET form (the person's details live only in this browser's address and
 * history), results in three sections, and the anonymous connections log as POST actions.
 */
import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import { findConnections } from '$lib/server/finder/find';
import {
	listOwnToday,
	LogRefusedError,
	recordConnected,
	recordNothingSuitable,
	undoConnection
} from '$lib/server/finder/connections';
import { listCategories } from '$lib/server/queries/categories';
import { getProgramme, listPatches } from '$lib/server/queries/patches';
import { parseFinderInputs, finderQueryString } from '$lib/domain/finder';
import {
	connectedFormSchema,
	nothingSuitableFormSchema,
	undoFormSchema
} from '$lib/domain/finder/log';
import { freshnessLabel } from '$lib/domain/format';
import { describeSession, londonDate } from '$lib/domain/sessions';
import { SERVICE_SECTOR_LABELS, ASSET_KIND_LABELS } from '$lib/domain/vocabulary';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function staff(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event.locals, event.url, 'coordinator', 'council');
	const db = getDb();
	return { db, actor: actorFor(db, user) };
}

export const load: PageServerLoad = (event) => {
	const { db, actor } = staff(event);
	const { inputs, notices } = parseFinderInputs(event.url.searchParams);
	const today = londonDate(new Date());
	const programme = getProgramme(db);
	const staleMonths = programme?.checkStaleMonths ?? 12;
	const result = findConnections(db, inputs, actor, { today, staleMonths });
	const sections = result.sections?.map((section) => ({
		id: section.id,
		title: section.title,
		entries: section.entries.map(({ candidate: c, fits, misses, matchedCategories }) => ({
			id: c.id,
			name: c.name,
			kind: c.kind,
			kindLabel: c.sector ? SERVICE_SECTOR_LABELS[c.sector] : ASSET_KIND_LABELS[c.kind].one,
			summary: c.description.split(/(?<=[.!?])\s/)[0] ?? '',
			address: [c.address, c.postcode].filter(Boolean).join(', '),
			lon: c.lon,
			lat: c.lat,
			sessions: c.sessions.map((s) => describeSession(s)),
			contacts: c.contacts,
			private: c.private,
			stale: c.stale,
			freshness: freshnessLabel(c.lastVerifiedOn, today, 'en', staleMonths),
			fits,
			misses,
			// The theme a "Connected" click logs: the first chosen category it matches, else its own first.
			theme: matchedCategories[0] ?? c.categoryIds[0] ?? null
		}))
	}));
	return {
		inputs,
		query: finderQueryString(inputs),
		searched: result.sections !== null,
		sections,
		patch: result.patch,
		origin: result.origin,
		reachMetres: result.reachMetres,
		themes: result.categories,
		notices: [...notices, ...result.notices],
		categories: listCategories(db).map(({ id, parentId, name }) => ({ id, parentId, name })),
		patches: programme
			? listPatches(db, programme.id, { planned: true }).map(({ slug, name }) => ({ slug, name }))
			: [],
		loggedToday: listOwnToday(db, actor, today),
		/** What the last log action did ('connected', 'nothing', 'undone'), for its notice. */
		justLogged: event.url.searchParams.get('logged')
	};
};

/** Back to the same search (the query string the form was posted from), with a note of what happened. */
function backTo(event: RequestEvent, note: string): never {
	const params = new URLSearchParams(event.url.search);
	for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
	params.set('logged', note);
	redirect(303, `/staff/finder?${params}`);
}

function refused(error: unknown) {
	if (error instanceof LogRefusedError) return fail(400, { error: error.message });
	throw error;
}

export const actions: Actions = {
	connected: async (event) => {
		const { db, actor } = staff(event);
		const form = await event.request.formData();
		const parsed = connectedFormSchema.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { error: 'Choose an entry to log' });
		try {
			recordConnected(db, actor, { ...parsed.data, today: londonDate(new Date()) });
		} catch (error) {
			return refused(error);
		}
		backTo(event, 'connected');
	},
	nothing: async (event) => {
		const { db, actor } = staff(event);
		const form = await event.request.formData();
		const parsed = nothingSuitableFormSchema.safeParse({
			themes: form.getAll('themes'),
			patchId: form.get('patchId')
		});
		if (!parsed.success) return fail(400, { error: 'The themes could not be read' });
		try {
			recordNothingSuitable(db, actor, { ...parsed.data, today: londonDate(new Date()) });
		} catch (error) {
			return refused(error);
		}
		backTo(event, 'nothing');
	},
	undo: async (event) => {
		const { db, actor } = staff(event);
		const parsed = undoFormSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { error: 'Choose an entry to undo' });
		try {
			undoConnection(db, actor, parsed.data.id, londonDate(new Date()));
		} catch (error) {
			return refused(error);
		}
		backTo(event, 'undone');
	}
};
