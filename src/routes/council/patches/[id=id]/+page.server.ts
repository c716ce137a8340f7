import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import {
	changePatchCoordinator,
	getPatchForManaging,
	publishPatch,
	renamePatch,
	setPatchLocked
} from '$lib/server/queries/patch-lifecycle';
import { coordinatorFormSchema, fieldsOf, renameFormSchema } from '../manage-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function findPatch(id: string) {
	const patch = getPatchForManaging(getDb(), Number(id));
	if (!patch) error(404, 'Page not found');
	return patch;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireRole(locals, url, 'council');
	const done = url.searchParams.get('done');
	return { patch: findPatch(params.id), done: DONE[done as keyof typeof DONE] ?? null };
};

/** What the page says after each action (the action redirects with ?done=…). */
const DONE = {
	published: 'Published: visitors can now see this patch.',
	renamed: 'The name has been saved.',
	locked: 'Locked: edits of other patches may not overlap this patch.',
	unlocked: 'Unlocked: other patches may be edited over this patch again.',
	given: 'The coordinator has been given this patch.',
	relieved: 'The coordinator has been relieved of this patch.'
} as const;

/** Every action: council or admin (layouts do not guard actions), and a patch that exists. */
function begin({ locals, url, params }: RequestEvent) {
	const user = requireRole(locals, url, 'council');
	return { user, patch: findPatch(params.id) };
}

const back = (id: number, done: keyof typeof DONE) =>
	redirect(303, `/council/patches/${id}?done=${done}`);

async function coordinatorChange(event: RequestEvent, give: boolean) {
	const { user, patch } = begin(event);
	const parsed = coordinatorFormSchema.safeParse(
		fieldsOf(await event.request.formData(), ['coordinator'])
	);
	if (!parsed.success || parsed.data.coordinator === null) {
		return fail(400, { errors: { coordinator: 'Choose a coordinator from the list' } });
	}
	const result = changePatchCoordinator(getDb(), {
		patchId: patch.id,
		userId: user.id,
		coordinatorId: parsed.data.coordinator,
		give
	});
	if (result === 'not_coordinator') {
		return fail(400, { errors: { coordinator: 'Choose a coordinator from the list' } });
	}
	back(patch.id, give ? 'given' : 'relieved');
}

export const actions: Actions = {
	publish: (event) => {
		const { user, patch } = begin(event);
		publishPatch(getDb(), { patchId: patch.id, userId: user.id });
		back(patch.id, 'published');
	},
	rename: async (event) => {
		const { user, patch } = begin(event);
		const values = fieldsOf(await event.request.formData(), ['name', 'nameCy']);
		const parsed = renameFormSchema.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { errors, values });
		}
		renamePatch(getDb(), { patchId: patch.id, userId: user.id, ...parsed.data });
		back(patch.id, 'renamed');
	},
	lock: (event) => {
		const { user, patch } = begin(event);
		setPatchLocked(getDb(), { patchId: patch.id, userId: user.id, locked: true });
		back(patch.id, 'locked');
	},
	unlock: (event) => {
		const { user, patch } = begin(event);
		setPatchLocked(getDb(), { patchId: patch.id, userId: user.id, locked: false });
		back(patch.id, 'unlocked');
	},
	give: (event) => coordinatorChange(event, true),
	relieve: (event) => coordinatorChange(event, false)
};
