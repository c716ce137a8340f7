import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { isDatabaseError, logWriteFailure } from '$lib/server/db/write';
import {
	discardScenario,
	editScenario,
	getScenario,
	publishScenario,
	smallAreaGeometry,
	undoOrRedo,
	type EditOutcome
} from '$lib/server/scenarios';
import type { ScenarioEdit } from '$lib/domain/scenarios';
import { mergeSchema, moveSchema, readDrawForm, readForm, readSplitForm } from './edit-form';
import type { Parsed } from './edit-form';
import { scenarioPageData } from './page-data.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function findScenario(id: string) {
	const scenario = getScenario(getDb(), Number(id));
	if (!scenario) error(404, 'Page not found');
	return scenario;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireRole(locals, url, 'council');
	return scenarioPageData(getDb(), findScenario(params.id));
};

/** Runs one edit form: guard, parse, edit; says what was done or why not, naming the form. */
async function edit(
	{ locals, url, params, request }: RequestEvent,
	form: string,
	parse: (data: FormData) => Parsed<ScenarioEdit> | Promise<Parsed<ScenarioEdit>>
) {
	// Layouts do not guard actions: each one checks the role itself.
	const user = requireRole(locals, url, 'council');
	const scenario = findScenario(params.id);
	const parsed = await parse(await request.formData());
	if (!parsed.ok) return fail(400, { form, errors: parsed.errors });
	return outcome(
		form,
		editScenario(getDb(), { scenarioId: scenario.id, edit: parsed.value, userId: user.id })
	);
}

const outcome = (form: string, result: EditOutcome) =>
	result.ok ? { form, done: result.label } : fail(400, { form, errors: { form: result.message } });

export const actions: Actions = {
	move: (event) =>
		edit(event, 'move', (data) => {
			const parsed = readForm(data, moveSchema);
			if (!parsed.ok) return parsed;
			const smallArea = smallAreaGeometry(getDb(), parsed.value.code);
			if (!smallArea) {
				return { ok: false, errors: { code: `There is no small area ${parsed.value.code}` } };
			}
			return {
				ok: true,
				value: { kind: 'move', code: parsed.value.code, smallArea, to: parsed.value.to }
			};
		}),
	merge: (event) =>
		edit(event, 'merge', (data) => {
			const parsed = readForm(data, mergeSchema);
			return parsed.ok ? { ok: true, value: { kind: 'merge', ...parsed.value } } : parsed;
		}),
	split: (event) =>
		edit(event, 'split', (data) => {
			const parsed = readSplitForm(data);
			return parsed.ok ? { ok: true, value: { kind: 'split', ...parsed.value } } : parsed;
		}),
	draw: (event) =>
		edit(event, 'draw', (data) => {
			const parsed = readDrawForm(data);
			return parsed.ok ? { ok: true, value: { kind: 'draw', ...parsed.value } } : parsed;
		}),
	undo: ({ locals, url, params }) => {
		requireRole(locals, url, 'council');
		const scenario = findScenario(params.id);
		return outcome('history', undoOrRedo(getDb(), { scenarioId: scenario.id, which: 'undo' }));
	},
	redo: ({ locals, url, params }) => {
		requireRole(locals, url, 'council');
		const scenario = findScenario(params.id);
		return outcome('history', undoOrRedo(getDb(), { scenarioId: scenario.id, which: 'redo' }));
	},
	publish: async ({ locals, url, params, request }) => {
		const user = requireRole(locals, url, 'council');
		const scenario = findScenario(params.id);
		// The checkbox shown beside the live changes: publishing over them needs it ticked.
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		let result;
		try {
			result = publishScenario(getDb(), { scenarioId: scenario.id, userId: user.id, confirmed });
		} catch (e) {
			// Not stored (a full disk, say): the transaction changed nothing, and the page says so.
			if (!isDatabaseError(e)) throw e;
			logWriteFailure('a published scenario', e);
			return fail(503, {
				form: 'publish',
				errors: {
					form: 'The scenario could not be published: nothing has changed. Try again later.'
				}
			});
		}
		if (!result.ok) {
			// Live changes since the copy: the page lists them; the box to tick says what to do.
			const errors: Record<string, string> = result.liveChanges?.length
				? {
						confirm:
							'Tick "Publish anyway" to replace the live changes listed above, or discard this scenario'
					}
				: { form: result.message };
			return fail(400, { form: 'publish', errors });
		}
		redirect(303, `/council/scenarios?published=${scenario.id}`);
	},
	discard: ({ locals, url, params }) => {
		const user = requireRole(locals, url, 'council');
		const scenario = findScenario(params.id);
		if (!discardScenario(getDb(), { id: scenario.id, userId: user.id })) {
			return fail(400, {
				form: 'discard',
				errors: { form: 'Only a draft scenario can be discarded' }
			});
		}
		redirect(303, `/council/scenarios?discarded=${scenario.id}`);
	}
};
