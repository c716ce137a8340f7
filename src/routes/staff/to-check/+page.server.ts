import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { actorFor } from '$lib/server/staff/entry-patches';
import {
	getFreshnessSettings,
	listEntriesToCheck,
	markStillTrue
} from '$lib/server/staff/freshness';
import { listPatchChoices } from '$lib/server/staff/moderation-queue';
import { askEntryToCheck, listAskStatus } from '$lib/server/staff/check-requests';
import { londonDate } from '$lib/domain/sessions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PER_PAGE = 25;

function staff(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireRole(event.locals, event.url, 'coordinator', 'council');
	const db = getDb();
	return { db, actor: actorFor(db, user) };
}

const pageNumber = (value: string | null) => {
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

/** The published entries of the person's patches (every patch for council) that are due or stale. */
export const load: PageServerLoad = (event) => {
	const { db, actor } = staff(event);
	const { url } = event;
	const everywhere = actor.role !== 'coordinator';
	const patches = listPatchChoices(db, actor);
	const chosen = patches.find((p) => p.slug === url.searchParams.get('patch')) ?? null;
	const settings = getFreshnessSettings(db);
	const list = listEntriesToCheck(db, {
		patchIds: chosen ? [chosen.id] : everywhere ? null : actor.patchIds,
		today: londonDate(new Date()),
		settings,
		page: pageNumber(url.searchParams.get('page')),
		perPage: PER_PAGE
	});
	const checked = Number(url.searchParams.get('checked'));
	const askStatus = listAskStatus(
		db,
		list.rows.map((row) => row.id)
	);
	return {
		everywhere,
		hasPatches: everywhere || actor.patchIds.length > 0,
		patches,
		chosen: chosen?.slug ?? null,
		settings: {
			checkDueMonths: settings.checkDueMonths,
			checkStaleMonths: settings.checkStaleMonths,
			archiveAfterMonths: settings.archiveAfterMonths
		},
		...list,
		rows: list.rows.map((row) => ({ ...row, ask: askStatus.get(row.id)! })),
		checked: Number.isInteger(checked) && checked > 0 ? checked : null,
		asked: url.searchParams.get('asked') === '1'
	};
};

const idSchema = z.coerce.number().int().positive();
const idsSchema = z.array(idSchema).min(1).max(PER_PAGE);

/** Back to the same list (page and patch kept), saying what was done. */
function backToList(url: URL, done: { checked: number } | { asked: true }): never {
	const params = new URLSearchParams();
	for (const key of ['patch', 'page']) {
		const value = url.searchParams.get(key);
		if (value) params.set(key, value);
	}
	if ('checked' in done) params.set('checked', String(done.checked));
	else params.set('asked', '1');
	redirect(303, `/staff/to-check?${params}`);
}

const ASK_REFUSALS = {
	not_found: 'This entry is not published any more, so there is nothing to ask.',
	no_email: 'This entry has no email address to ask. Add one in the entry editor, or phone them.',
	already_asked:
		'They have been asked already and the link has not been answered yet. It works for 30 days.'
} as const;

function check(event: RequestEvent, ids: number[]) {
	const { db, actor } = staff(event);
	const result = markStillTrue(db, actor, ids, londonDate(new Date()));
	if (!result.ok) {
		if (result.reason === 'forbidden') error(403, 'You do not have permission to do this');
		return fail(409, {
			errors: {
				form: 'An entry on this page has changed (it was archived or unpublished). Nothing was saved: look at the list again.'
			}
		});
	}
	backToList(event.url, { checked: result.checked });
}

export const actions: Actions = {
	/** "Still true" for one entry. */
	check: async (event) => {
		staff(event);
		const parsed = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!parsed.success) return fail(400, { errors: { form: 'Choose an entry to check' } });
		return check(event, [parsed.data]);
	},

	/** "Ask them by email": the entry's own address gets a link to say it is still right, or not. */
	ask: async (event) => {
		const { db, actor } = staff(event);
		const parsed = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!parsed.success) return fail(400, { errors: { form: 'Choose an entry to ask about' } });
		const result = askEntryToCheck(db, actor, parsed.data, { origin: event.url.origin });
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403, 'You do not have permission to do this');
			return fail(409, { errors: { form: ASK_REFUSALS[result.reason] } });
		}
		backToList(event.url, { asked: true });
	},

	/** "Check all on this page", only with the box ticked that says each was checked. */
	checkPage: async (event) => {
		staff(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				errors: { confirm: 'Tick the box to confirm you have checked every entry on this page' }
			});
		}
		const parsed = idsSchema.safeParse(form.getAll('ids'));
		if (!parsed.success) return fail(400, { errors: { form: 'There are no entries to check' } });
		return check(event, parsed.data);
	}
};
