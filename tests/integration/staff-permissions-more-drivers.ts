/**
 * How to drive the rows of the staff permission table for erasing an informal support, the list of
 * possible duplicates, the account page, the imports and the patch editor: the world, the setup, the
 * form and what success looks like.
 */
import * as t from '../../src/lib/server/db/schema';
import {
	areaInSquareMetres,
	boundingBoxOf,
	representativePoint
} from '../../src/lib/domain/geometry';
import { parseImportForm } from '../../src/lib/domain/import/form';
import { saveUpload } from '../../src/lib/server/import/uploads';
import { checkUpload } from '../../src/lib/server/exchange/import/runs';
import { page, type Ctx, type Driver } from './staff-permissions-routes';

/** A roaming informal support linked to P, as a coordinator records one. */
const supportInP = (ctx: Ctx) => {
	const fx = ctx.world.staff!;
	ctx.ids.support = Number(
		ctx.world.db
			.insert(t.assets)
			.values({
				programmeId: fx.programmeId,
				kind: 'informal_support',
				name: 'Lifts from Glenys',
				status: 'published',
				locationKind: 'roaming',
				consentRecordedOn: '2026-10-01',
				consentHow: 'In person'
			})
			.run().lastInsertRowid
	);
	ctx.world.db
		.insert(t.assetPatches)
		.values({ assetId: Number(ctx.ids.support), patchId: fx.patches.p })
		.run();
};
const erase = {
	prepare: supportInP,
	path: (ctx: Ctx) => `/entries/${ctx.ids.support}/erase`,
	params: (ctx: Ctx) => ({ id: String(ctx.ids.support) })
};

/** A small square in degrees, from (x, y). */
const square = (x: number, y: number, size: number): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	]
});

/** Population figures for the staff world: four small areas of 3,000 people in P, the default set. */
export const population = (ctx: Ctx) => {
	const db = ctx.world.db;
	const setId = Number(
		db
			.insert(t.populationSets)
			.values({
				programmeId: ctx.world.staff!.programmeId,
				name: 'Mid-2022',
				referenceDate: '2022-06-30'
			})
			.run().lastInsertRowid
	);
	db.update(t.programmes).set({ defaultPopulationSetId: setId }).run();
	for (let i = 0; i < 4; i++) {
		const geometry = square(0.2 + i * 0.1, 0.4, 0.1);
		const [pointLon, pointLat] = representativePoint(geometry);
		const areaId = Number(
			db
				.insert(t.smallAreas)
				.values({
					code: `E0000000${i + 1}`,
					kind: 'OA',
					geometry,
					...boundingBoxOf(geometry),
					pointLon,
					pointLat,
					areaM2: areaInSquareMetres(geometry)
				})
				.run().lastInsertRowid
		);
		db.insert(t.populationValues)
			.values({ populationSetId: setId, smallAreaId: areaId, value: 3000 })
			.run();
	}
};

/** A boundary pasted as GeoJSON, inside the staff world's map. */
const boundary = () => ({ geojson: JSON.stringify(square(0.2, 0.4, 0.2)) });
const patchP = {
	path: (ctx: Ctx) => `/council/patches/${ctx.world.staff!.patches.p}/edit`,
	params: (ctx: Ctx) => ({ id: String(ctx.world.staff!.patches.p) })
};

/** One patch boundary as GeoJSON, for the boundary import (kind "patches"). */
const PATCH_FILE = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', geometry: square(0.2, 0.4, 0.2), properties: { name: 'Riverside' } }
	]
});
const patchImport = { kind: 'patches', nameProperty: 'name' } as const;
const patchRequest = () => {
	const parsed = parseImportForm(patchImport);
	if (!parsed.ok) throw new Error(`The patch import's options: ${JSON.stringify(parsed.errors)}`);
	return parsed.request;
};

/** One library as a GeoJSON asset layer: the smallest file the asset import takes. */
const LIBRARY = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [0.5, 0.5] },
			properties: { name: 'Riverside Library' }
		}
	]
});
const assetFile = () => ({
	format: 'geojson',
	status: 'draft',
	source: '',
	file: new File([LIBRARY], 'libraries.geojson')
});

export const MORE_DRIVERS: Driver[] = [
	{ ...page('staff', 'entries/[id]/erase', ''), ...erase },
	{
		world: 'staff',
		route: 'entries/[id]/erase',
		handler: 'default',
		...erase,
		done: 'redirect /entries/erased',
		writes: true
	},
	page('staff', 'entries/erased', '/entries/erased'),
	page('duplicates', 'staff/duplicates', '/staff/duplicates'),
	page('keeping', 'account', '/account'),
	page('staff', 'council/assets-import', '/council/assets-import'),
	{
		world: 'staff',
		route: 'council/assets-import',
		handler: 'check',
		path: () => '/council/assets-import?/check',
		form: assetFile,
		done: /^redirect \/council\/assets-import\?run=\d+$/,
		writes: true
	},
	{
		world: 'staff',
		route: 'council/assets-import',
		handler: 'import',
		path: () => '/council/assets-import?/import',
		// A file checked by the person importing it (a visitor: the council lead's check).
		prepare: (ctx) => {
			ctx.ids.run = checkUpload(ctx.world.db, {
				bytes: new TextEncoder().encode(LIBRARY),
				file: 'libraries.geojson',
				format: 'geojson',
				mapping: null,
				status: 'draft',
				userId: (ctx.user ?? ctx.world.users.council).id
			}).runId;
		},
		form: (ctx) => ({ run: String(ctx.ids.run) }),
		done: (ctx) => `redirect /council/assets-import?run=${ctx.ids.run}`,
		writes: true
	},
	page('staff', 'council/import', '/council/import'),
	{
		world: 'staff',
		route: 'council/import',
		handler: 'check',
		path: () => '/council/import?/check',
		form: () => ({ ...patchImport, file: new File([PATCH_FILE], 'patches.geojson') }),
		// A dry run: the report is shown and the file kept for the import (on disk), nothing stored.
		done: 'ok',
		writes: false
	},
	{
		world: 'staff',
		route: 'council/import',
		handler: 'import',
		path: () => '/council/import?/import',
		// A file checked by the person importing it (a visitor: the council lead's check).
		prepare: (ctx) => {
			ctx.ids.upload = saveUpload(
				{
					userId: (ctx.user ?? ctx.world.users.council).id,
					request: patchRequest(),
					source: 'patches.geojson'
				},
				new TextEncoder().encode(PATCH_FILE)
			);
		},
		form: (ctx) => ({ uploadId: String(ctx.ids.upload) }),
		done: /^redirect \/council\/import\?done=\d+$/,
		writes: true
	},
	{ ...page('staff', 'council/patches', '/council/patches'), prepare: population },
	{
		...page('staff', 'council/patches.csv', '/council/patches.csv'),
		handler: 'GET',
		prepare: population,
		done: 'response 200'
	},
	{ ...page('staff', 'council/patches/[id]/edit', ''), ...patchP, prepare: population },
	{
		world: 'staff',
		route: 'council/patches/[id]/edit',
		handler: 'default',
		...patchP,
		prepare: population,
		form: boundary,
		done: (ctx) => `redirect /council/patches?saved=${ctx.world.staff!.patches.p}`,
		writes: true
	},
	{ ...page('staff', 'council/patches/new', '/council/patches/new'), prepare: population },
	{
		world: 'staff',
		route: 'council/patches/new',
		handler: 'default',
		path: () => '/council/patches/new',
		prepare: population,
		form: () => ({ ...boundary(), name: 'Riverside' }),
		done: /^redirect \/council\/patches\?added=\d+$/,
		writes: true
	},
	{
		...page('staff', 'council/patches/small-areas', '/council/patches/small-areas'),
		handler: 'GET',
		prepare: population,
		done: 'response 200'
	}
];
