/**
 * How to drive the rows of the staff permission table for scenarios: a draft scenario copied from
 * the staff world's patches P and Q, with the scenario fixture's small areas as population.
 */
import {
	createScenario,
	editScenario,
	smallAreaGeometry,
	undoOrRedo
} from '../../src/lib/server/scenarios';
import { seedScenarioAreas } from './scenario-fixture';
import { page, type Ctx, type Driver } from './staff-permissions-routes';

/** A draft scenario, "Re-draw 2027", copied from P and Q. */
const draft = (ctx: Ctx) => {
	const fx = ctx.world.staff!;
	seedScenarioAreas(ctx.world.db, fx.programmeId);
	ctx.ids.scenario = createScenario(ctx.world.db, {
		programmeId: fx.programmeId,
		name: 'Re-draw 2027',
		userId: fx.users.council.id
	});
};
/** The draft, with one small area moved into P. */
const edited = (ctx: Ctx) => {
	draft(ctx);
	const result = editScenario(ctx.world.db, {
		scenarioId: Number(ctx.ids.scenario),
		userId: ctx.world.staff!.users.council.id,
		edit: {
			kind: 'move',
			code: 'c2-0',
			smallArea: smallAreaGeometry(ctx.world.db, 'c2-0')!,
			to: 'p'
		}
	});
	if (!result.ok) throw new Error(result.message);
};
const scenarioPage = {
	path: (ctx: Ctx) => `/council/scenarios/${ctx.ids.scenario}`,
	params: (ctx: Ctx) => ({ id: String(ctx.ids.scenario) })
};
const action = (
	handler: string,
	form: Record<string, string>,
	prepare: (ctx: Ctx) => void = draft
): Driver => ({
	world: 'staff',
	route: 'council/scenarios/[id]',
	handler,
	...scenarioPage,
	prepare,
	form: () => form,
	done: 'ok',
	writes: true
});

export const SCENARIO_DRIVERS: Driver[] = [
	{ ...page('staff', 'council/scenarios', '/council/scenarios'), prepare: draft },
	{
		world: 'staff',
		route: 'council/scenarios',
		handler: 'create',
		path: () => '/council/scenarios',
		form: () => ({ name: 'Re-draw 2027' }),
		done: /^redirect \/council\/scenarios\/\d+$/,
		writes: true
	},
	{ ...page('staff', 'council/scenarios/[id]', ''), ...scenarioPage, prepare: draft },
	action('move', { code: 'c2-0', to: 'q' }),
	action('merge', { keep: 'p', absorb: 'q' }),
	action('split', {
		slug: 'p',
		newName: 'Riverside',
		line: JSON.stringify({
			type: 'LineString',
			coordinates: [
				[0.5, -1],
				[0.5, 2]
			]
		})
	}),
	action('draw', {
		name: 'Riverside',
		geojson: JSON.stringify({
			type: 'Polygon',
			coordinates: [
				[
					[3, 0],
					[4, 0],
					[4, 1],
					[3, 1],
					[3, 0]
				]
			]
		})
	}),
	action('undo', {}, edited),
	action('redo', {}, (ctx) => {
		edited(ctx);
		undoOrRedo(ctx.world.db, { scenarioId: Number(ctx.ids.scenario), which: 'undo' });
	}),
	{
		...action('publish', {}),
		done: (ctx) => `redirect /council/scenarios?published=${ctx.ids.scenario}`
	},
	{
		...action('discard', {}),
		done: (ctx) => `redirect /council/scenarios?discarded=${ctx.ids.scenario}`
	}
];
