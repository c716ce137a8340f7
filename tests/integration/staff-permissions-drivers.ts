/**
 * How to drive each row of the staff permission table (src/lib/domain/permissions/staff-actions.ts)
 * against its real route: the world it needs, what to set up, the form it sends, and what success
 * looks like. Who may do it is not here: that comes from the table. This file: the entry editor,
 * moderation, freshness and duplicates; staff-permissions-account-drivers.ts: accounts and admin;
 * -finder-drivers.ts: the finder and gaps; -more-drivers.ts: erasure, imports and patches.
 */
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { readEntry } from '../../src/lib/server/staff/entries';
import { entryToFields, type FormFields } from '../../src/lib/domain/entries';
import { newGroupForm } from './entry-fixture';
import { nextAddress, lastSuggestionId } from './staff-helpers';
import { requestEvent } from './staff-permissions-worlds';
import { page, type Ctx, type Driver } from './staff-permissions-routes';
import { ACCOUNT_DRIVERS } from './staff-permissions-account-drivers';
import { FINDER_DRIVERS } from './staff-permissions-finder-drivers';
import { MORE_DRIVERS } from './staff-permissions-more-drivers';
import { PATCH_DRIVERS } from './staff-permissions-patch-drivers';
import { SCENARIO_DRIVERS } from './staff-permissions-scenario-drivers';

export { routes, type Ctx } from './staff-permissions-routes';

const suggestChange = await import('../../src/routes/assets/[id=id]/suggest/+page.server');
const suggestNew = await import('../../src/routes/suggest/+page.server');

async function residentSuggests(
	ctx: Ctx,
	kind: 'change' | 'closed' | 'new' | 'new-nowhere'
): Promise<void> {
	const fx = ctx.world.staff!;
	const isNew = kind === 'new' || kind === 'new-nowhere';
	const form: Record<string, string> = isNew
		? {
				name: 'Tuesday Tea',
				description: 'Tea and cake for anyone.',
				whenWhere: kind === 'new' ? 'Tuesdays 2pm at the library, FV1 1AA' : 'Tuesdays, somewhere',
				contact: 'tea@example.org',
				category: 'social',
				kind: 'group'
			}
		: { kind, details: kind === 'change' ? 'They now meet on Thursdays.' : '' };
	const path = isNew ? '/suggest' : `/assets/${fx.assets.inP}/suggest`;
	const event = requestEvent({
		path,
		user: null,
		session: null,
		params: { id: String(fx.assets.inP) },
		form
	}) as { getClientAddress: () => string };
	event.getClientAddress = nextAddress;
	const module = isNew ? suggestNew : suggestChange;
	await module.actions.default(event as never);
	ctx.ids.suggestion = lastSuggestionId(ctx.world.db);
}

/** The edit form as the page renders it for a saved entry, with `changes`. */
function editForm(ctx: Ctx, id: number, changes: Record<string, string> = {}) {
	const entry = readEntry(ctx.world.db, id)!;
	const shown = Object.entries(entryToFields(entry.data)).filter(([, values]) => values.length);
	const fields: FormFields = {
		...Object.fromEntries(shown),
		version: [String(entry.version)],
		startedFrom: [JSON.stringify(entry.data)],
		...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, [v]]))
	};
	return fields;
}

const suggestion = (kind: Parameters<typeof residentSuggests>[1]) => (ctx: Ctx) =>
	residentSuggests(ctx, kind);
const suggestionPath = (ctx: Ctx) => `/staff/suggestions/${ctx.ids.suggestion}`;
const suggestionParams = (ctx: Ctx) => ({ id: String(ctx.ids.suggestion) });
const entryIn = (key: 'group' | 'draft' | 'archived') => ({
	path: (ctx: Ctx) => `/entries/${ctx.world.entry![key]}/edit`,
	params: (ctx: Ctx) => ({ id: String(ctx.world.entry![key]) })
});
const inP = (ctx: Ctx) => String(ctx.world.staff!.assets.inP);
const flag = {
	path: (ctx: Ctx) => `/staff/duplicates/${ctx.world.duplicates!.flagId}`,
	params: (ctx: Ctx) => ({ id: String(ctx.world.duplicates!.flagId) })
};
const moderate = (
	handler: string,
	kind: Parameters<typeof residentSuggests>[1],
	form: Record<string, string> = {}
): Driver => ({
	world: 'staff',
	route: 'staff/suggestions/[id]',
	handler,
	prepare: suggestion(kind),
	path: suggestionPath,
	params: suggestionParams,
	form: () => form,
	done: /^redirect \/staff\/suggestions\?(approved|rejected)=1$/,
	writes: true
});

export const DRIVERS: Driver[] = [
	page('staff', 'staff', '/staff'),
	page('entry', 'entries/new', '/entries/new'),
	{
		world: 'entry',
		route: 'entries/new',
		handler: 'more',
		path: () => '/entries/new',
		form: () => ({ ...newGroupForm(), more: ['contact'] }),
		done: 'ok',
		writes: false
	},
	{
		world: 'entry',
		route: 'entries/new',
		handler: 'save',
		path: () => '/entries/new',
		form: () => newGroupForm(),
		done: /^redirect \/entries\/\d+\/edit\?done=created$/,
		writes: true,
		// They may add entries, but not in P: the place's field says why.
		refusedAs: { coordinatorOfOtherPatch: 'fail 400' }
	},
	{ ...page('entry', 'entries/[id]/edit', ''), ...entryIn('group') },
	{
		world: 'entry',
		route: 'entries/[id]/edit',
		handler: 'more',
		...entryIn('group'),
		form: (ctx) => ({ ...editForm(ctx, ctx.world.entry!.group), more: ['session'] }),
		done: 'ok',
		writes: false
	},
	{
		world: 'entry',
		route: 'entries/[id]/edit',
		handler: 'save',
		...entryIn('group'),
		form: (ctx) => editForm(ctx, ctx.world.entry!.group, { name: 'Renamed' }),
		done: (ctx) => `redirect /entries/${ctx.world.entry!.group}/edit?done=saved`,
		writes: true
	},
	...(['publish', 'archive', 'restore'] as const).map((handler): Driver => ({
		world: 'entry',
		route: 'entries/[id]/edit',
		handler,
		...entryIn(handler === 'publish' ? 'draft' : handler === 'restore' ? 'archived' : 'group'),
		form: () => ({ version: '1' }),
		done: new RegExp(`^redirect /entries/\\d+/edit\\?done=${handler}(ed|d)$`),
		writes: true
	})),
	page('staff', 'staff/suggestions', '/staff/suggestions'),
	{
		...page('staff', 'staff/suggestions/[id]', ''),
		prepare: suggestion('change'),
		path: suggestionPath,
		params: suggestionParams
	},
	moderate('approve', 'closed'),
	moderate('edit', 'change', {
		name: 'Knit and Natter',
		description: 'Knit and Natter meets every Thursday.',
		cost: 'free',
		phone: '01632 960999'
	}),
	moderate('create', 'new', {
		kind: 'group',
		name: 'Tuesday Tea',
		description: 'Tea and cake for anyone.',
		category: 'social',
		where: 'place',
		postcode: 'FV1 1AA',
		status: 'published'
	}),
	moderate('reject', 'change', { reason: 'Already up to date' }),
	{
		...page('staff', 'staff/suggestions/[id]', ''),
		variant: 'nowhere',
		prepare: suggestion('new-nowhere'),
		path: suggestionPath,
		params: suggestionParams
	},
	{
		...moderate('reject', 'new-nowhere', { reason: 'Not enough detail' }),
		variant: 'nowhere'
	},
	page('staff', 'staff/to-check', '/staff/to-check'),
	{
		world: 'staff',
		route: 'staff/to-check',
		handler: 'check',
		path: () => '/staff/to-check',
		form: (ctx) => ({ id: inP(ctx) }),
		done: 'redirect /staff/to-check?checked=1',
		writes: true
	},
	{
		world: 'staff',
		route: 'staff/to-check',
		handler: 'checkPage',
		path: () => '/staff/to-check',
		form: (ctx) => ({ ids: [inP(ctx)], confirm: 'yes' }),
		done: 'redirect /staff/to-check?checked=1',
		writes: true
	},
	{
		world: 'staff',
		route: 'staff/to-check',
		handler: 'ask',
		path: () => '/staff/to-check',
		prepare: (ctx) =>
			void ctx.world.db
				.insert(t.assetContacts)
				.values({ assetId: Number(inP(ctx)), kind: 'email', value: 'hello@knit.example' })
				.run(),
		form: (ctx) => ({ id: inP(ctx) }),
		done: 'redirect /staff/to-check?asked=1',
		writes: true
	},
	page('staff', 'council', '/council'),
	page('staff', 'council/settings', '/council/settings'),
	{
		world: 'staff',
		route: 'council/settings',
		handler: 'default',
		path: () => '/council/settings',
		form: () => ({ checkDueMonths: '3', checkStaleMonths: '9', archiveAfterMonths: '24' }),
		done: /^redirect \/council\/settings/,
		writes: true
	},
	page('staff', 'council/archived', '/council/archived'),
	{
		world: 'staff',
		route: 'council/archived',
		handler: 'restore',
		path: () => '/council/archived',
		prepare: (ctx) =>
			void ctx.world.db
				.update(t.assets)
				.set({
					status: 'archived',
					archivedReason: 'unchecked',
					archivedAt: '2026-11-01T03:00:00Z'
				})
				.where(eq(t.assets.id, Number(inP(ctx))))
				.run(),
		form: (ctx) => ({ id: inP(ctx) }),
		done: /^redirect \/council\/archived/,
		writes: true
	},
	{ ...page('duplicates', 'staff/duplicates/[id]', ''), ...flag },
	{
		world: 'duplicates',
		route: 'staff/duplicates/[id]',
		handler: 'merge',
		...flag,
		form: () => ({ keep: 'a', versionA: '1', versionB: '1', 'field.description': 'b' }),
		done: 'redirect /staff/duplicates?done=merged',
		writes: true
	},
	{
		world: 'duplicates',
		route: 'staff/duplicates/[id]',
		handler: 'keepBoth',
		...flag,
		done: 'redirect /staff/duplicates?done=kept',
		writes: true
	},
	...FINDER_DRIVERS,
	...ACCOUNT_DRIVERS,
	...MORE_DRIVERS,
	...SCENARIO_DRIVERS,
	...PATCH_DRIVERS
];
