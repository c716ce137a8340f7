/**
 * The deterministic demo borough: "Fennick Vale", a fictional place for demonstrations and tests.
 * One seed gives the same files, byte for byte, on every run.
 */
import {
	demoAssetsSchema,
	type DemoAssets,
	type DemoCategories,
	type DemoPatches,
	type DemoProgramme,
	type DemoSmallAreas,
	type DemoSuggestions,
	type DemoUsers,
	type DEMO_FILES
} from '../domain/schemas/demo-borough';
import { buildAssets } from './assets';
import { buildDemoBasemap, type DemoBasemap } from './basemap';
import { makeSmallAreas, selectBoroughCells } from './borough';
import { DEMO_CATEGORIES } from './categories';
import { ContactBook } from './contacts';
import {
	linkOnlineEntries,
	makeSuggestions,
	patchesOf,
	recordConsent,
	spreadCheckDates,
	type PatchShape
} from './keeping-true';
import { placeLocalities } from './localities';
import { BOROUGH } from './names';
import { DEFAULT_LIMITS, type Band } from '../domain/bands';
import { estimatePatch, prepareSmallAreas } from '../domain/sizing';
import { planPatches, type PatchOptions } from './patches';
import { PostcodeBook, postcodesCsv, type PostcodeRow } from './postcodes';
import { DEMO_SEED, deriveSeed, Random } from './random';
import { unionBoundary } from './rings';
import { toJson } from './serialise';
import { generateTiling, type TilingOptions } from './tiling';
import { toXY, type LonLat } from './plane';
import { straightenSharedBoundary } from './street-boundary';
import { addPresence, COUNCIL_EMAIL, makeUsers } from './users';

export { DEMO_SEED };

/** Town centres (km from the borough centre): Fennick, Aldermoor, Cae Derwen. */
const TILING: TilingOptions = {
	halfWidth: 9,
	halfHeight: 8.5,
	ruralSpacing: 1.0,
	centres: [
		{ at: [-0.8, 0.4], peak: 40, sigma: 1.2 },
		{ at: [2.8, -1.9], peak: 14, sigma: 0.8 },
		{ at: [-3.0, -2.6], peak: 8, sigma: 0.6 }
	],
	lloydSteps: 2,
	lloydFactor: 0.6
};

const PATCHES: PatchOptions = {
	// under, small, small, above usual, over the limit; three usual patches share the rest.
	fixedTargets: [6900, 9000, 9000, 13500, 16800],
	flexibleCount: 3,
	flexibleTarget: 11000,
	overlapAreas: 3,
	stripDirection: [0.94, 0.34],
	tolerance: 150,
	margin: 300
};

/**
 * The street two patches meet along (rather than small-area edges), so that the areal and centroid
 * methods differ for them: at most 8 small-area edges long, passing at least 80 m from a corner.
 */
const STREET = { name: 'Long Causeway', maxEdges: 8, minOffset: 0.08 };

/** File contents keyed like DEMO_FILES. */
export type DemoFiles = Record<keyof typeof DEMO_FILES, string>;

export interface DemoBorough {
	programme: DemoProgramme;
	smallAreas: DemoSmallAreas;
	patches: DemoPatches;
	categories: DemoCategories;
	assets: DemoAssets;
	users: DemoUsers;
	suggestions: DemoSuggestions;
	postcodes: PostcodeRow[];
	/** Streets, river, parks and place names under every demo map (data/demo/basemap.geojson). */
	basemap: DemoBasemap;
	summary: DemoSummary;
}

export interface DemoSummary {
	people: number;
	smallAreas: number;
	/** People by areal weighting (rounded) and by the centroid method, as the app computes them. */
	patches: {
		slug: string;
		name: string;
		population: number;
		centroid: number;
		band: Band;
		smallAreas: number;
	}[];
	overlap: { patches: [string, string]; smallAreas: number; people: number };
	uncovered: { smallAreas: number; people: number };
	/** The street two patches meet along, cutting small areas. */
	street: { name: string; patches: [string, string]; replacedCorners: number };
	assets: Record<string, number>;
	singleVenueCoordinator: string;
}

const closed = (ring: readonly LonLat[]) => [...ring, ring[0]];

const ASSET_KEYS = Object.keys(demoAssetsSchema.element.shape);

/** The asset's keys in the schema's order, whatever order the generator set them in. */
function inSchemaOrder(asset: DemoAssets[number]): DemoAssets[number] {
	const fields = asset as Record<string, unknown>;
	return Object.fromEntries(
		ASSET_KEYS.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]])
	) as DemoAssets[number];
}

/** Builds the whole borough as data. */
export function buildDemoBorough(seed: number = DEMO_SEED): DemoBorough {
	const rng = (label: string) => new Random(deriveSeed(seed, label));
	const tiling = generateTiling(TILING, rng('tiling'));
	const cells = selectBoroughCells(
		tiling,
		{ radius: 5.4, wobble: [0.1, 0.07, 0.04] },
		rng('outline')
	);
	const areas = makeSmallAreas(
		tiling,
		cells,
		{ total: 92_000, min: 110, max: 640, logSpread: 0.3 },
		rng('population')
	);
	const ringIdsOf = (ids: readonly number[]) => {
		const { rings, pinched } = unionBoundary(ids.map((i) => areas[i].ring));
		if (rings.length !== 1 || pinched) throw new Error('a union is not one simple ring');
		return rings[0];
	};
	const toRing = (ring: readonly number[]) => closed(ring.map((v) => tiling.vertices[v]));
	const ringOf = (ids: readonly number[]) => toRing(ringIdsOf(ids));

	const plan = planPatches(areas, PATCHES, deriveSeed(seed, 'patches'));
	const {
		localities,
		areaLocality,
		patchNames: names
	} = placeLocalities(
		areas,
		plan.own,
		plan.uncovered,
		TILING.centres.map((c) => c.at)
	);
	// Output patches in name order; coordinators follow the same order.
	const order = names.map((_, p) => p).sort((a, b) => names[a].name.localeCompare(names[b].name));
	const areaPatches = areas.map(() => [] as number[]);
	plan.footprint.forEach((ids, p) => ids.forEach((i) => areaPatches[i].push(p)));

	const book = new ContactBook(rng('contacts'));
	const users = makeUsers(
		order.map((p) => names[p].slug),
		book
	);
	const coordinators = users.slice(2);
	const coordinatorEmails: string[] = [];
	order.forEach((p, k) => (coordinatorEmails[p] = coordinators[k].email));
	const postcodes = new PostcodeBook(areas, areaLocality, localities, rng('postcodes'));
	const built = buildAssets(
		{
			areas,
			vertices: tiling.vertices,
			localities,
			areaLocality,
			areaPatches,
			coordinatorEmails,
			councilEmail: COUNCIL_EMAIL,
			postcodes,
			contacts: book
		},
		rng('assets')
	);
	const { venues } = built;

	// What the staff screens need: links, check dates, consent and suggestions (./keeping-true.ts).
	// Two neighbours meet along a street that cuts small areas (./street-boundary.ts).
	const street = straightenSharedBoundary(
		order.map((p) => ringIdsOf(plan.footprint[p])),
		(v) => toXY(tiling.vertices[v]),
		{
			skip: new Set([order.indexOf(plan.overlap.patch), order.indexOf(plan.overlap.from)]),
			...STREET
		}
	);
	if (!street) throw new Error('no two neighbouring patches can meet along a street');
	const patchRings = order.map((p, k) => {
		const at = street.pair.indexOf(k);
		return at >= 0 ? toRing(street.rings[at]) : ringOf(plan.footprint[p]);
	});
	const patchShapes: PatchShape[] = order.map((p, k) => ({
		slug: names[p].slug,
		geometry: { type: 'Polygon', coordinates: [patchRings[k]] }
	}));
	const slugs = order.map((p) => names[p].slug);
	linkOnlineEntries(
		built.assets,
		built.homeAreas,
		(area) => order.filter((p) => areaPatches[area].includes(p)).map((p) => names[p].slug),
		slugs
	);
	const patchOf = (asset: DemoAssets[number]) => patchesOf(asset, patchShapes);
	spreadCheckDates(built.assets, patchOf, rng('freshness'));
	recordConsent(built.assets, rng('consent'));
	const suggestions = makeSuggestions(
		built.assets,
		venues,
		slugs,
		patchOf,
		book,
		rng('suggestions')
	);
	const assets = built.assets.map(inSchemaOrder);

	const overLimit = plan.targets.indexOf(Math.max(...plan.targets));
	addPresence(
		coordinators,
		order.map((p) => plan.footprint[p]),
		areas,
		venues,
		order.indexOf(overLimit),
		rng('presence')
	);

	const prepared = prepareSmallAreas(
		areas.map((a) => ({
			code: a.code,
			population: a.population,
			geometry: { type: 'Polygon', coordinates: [toRing(a.ring)] }
		}))
	);
	const population = (ids: readonly number[]) => ids.reduce((s, i) => s + areas[i].population, 0);
	const countBy = (key: (a: DemoAssets[number]) => string) =>
		assets.reduce<Record<string, number>>(
			(acc, a) => ({ ...acc, [key(a)]: (acc[key(a)] ?? 0) + 1 }),
			{}
		);
	return {
		programme: {
			slug: BOROUGH.slug,
			name: BOROUGH.name,
			nameCy: BOROUGH.nameCy,
			description:
				`${BOROUGH.shortName} is a fictional borough, generated by src/cli/generate-demo.ts for demonstrations and tests. ` +
				'It is not a real place: every name, person, address, postcode (the FV area does not exist), phone number ' +
				"(from Ofcom's ranges for drama) and population figure is invented.",
			isFictional: true,
			limits: { ...DEFAULT_LIMITS },
			boundary: { type: 'Polygon', coordinates: [ringOf(areas.map((a) => a.index))] },
			populationSet: {
				name: `${BOROUGH.shortName} demo small areas`,
				referenceDate: '2026-06-30',
				source: `Generated by src/cli/generate-demo.ts with seed ${seed}; invented figures, not census data`
			}
		},
		smallAreas: {
			type: 'FeatureCollection',
			features: areas.map((a) => ({
				type: 'Feature',
				properties: { code: a.code, population: a.population },
				geometry: { type: 'Polygon', coordinates: [closed(a.ring.map((v) => tiling.vertices[v]))] }
			}))
		},
		patches: {
			type: 'FeatureCollection',
			features: order.map((p, k) => ({
				type: 'Feature',
				properties: {
					slug: names[p].slug,
					name: names[p].name,
					...(names[p].nameCy ? { nameCy: names[p].nameCy } : {}),
					description: names[p].description,
					status: 'active'
				},
				geometry: { type: 'Polygon', coordinates: [patchRings[k]] }
			}))
		},
		categories: DEMO_CATEGORIES.map((c) => ({ ...c })),
		assets,
		users,
		suggestions,
		postcodes: postcodes.rows(),
		basemap: buildDemoBasemap({
			areas,
			vertices: tiling.vertices,
			localities,
			occupied: assets.flatMap((a) => (a.point ? [a.point as LonLat] : [])),
			streets: [{ name: STREET.name, line: street.street.map((v) => tiling.vertices[v]) }]
		}),
		summary: {
			people: population(areas.map((a) => a.index)),
			smallAreas: areas.length,
			patches: order.map((p, k) => {
				// Measured as the app measures them: two patches cut small areas along the street.
				const estimate = estimatePatch(prepared, {
					id: names[p].slug,
					name: names[p].name,
					geometry: { type: 'Polygon', coordinates: [patchRings[k]] }
				});
				return {
					slug: names[p].slug,
					name: names[p].name,
					population: Math.round(estimate.areal),
					centroid: estimate.centroid,
					band: estimate.band,
					smallAreas: plan.footprint[p].length
				};
			}),
			overlap: {
				patches: [names[plan.overlap.patch].name, names[plan.overlap.from].name],
				smallAreas: plan.overlap.areas.length,
				people: population(plan.overlap.areas)
			},
			uncovered: { smallAreas: plan.uncovered.length, people: population(plan.uncovered) },
			street: {
				name: STREET.name,
				patches: [names[order[street.pair[0]]].name, names[order[street.pair[1]]].name],
				replacedCorners: street.replaced.length
			},
			assets: countBy((a) => `${a.kind} (${a.status})`),
			singleVenueCoordinator: coordinators[order.indexOf(overLimit)].email
		}
	};
}

/** Turns the borough into the text of its files. */
export function renderDemoFiles(borough: DemoBorough): DemoFiles {
	return {
		programme: toJson(borough.programme),
		smallAreas: toJson(borough.smallAreas),
		patches: toJson(borough.patches),
		categories: toJson(borough.categories),
		assets: toJson(borough.assets),
		users: toJson(borough.users),
		suggestions: toJson(borough.suggestions),
		postcodes: postcodesCsv(borough.postcodes)
	};
}

/** The demo basemap's file: compact JSON, one feature a line (it is drawn, not read by people). */
export const DEMO_BASEMAP_FILE = 'basemap.geojson';
export function renderDemoBasemap(borough: DemoBorough): string {
	const lines = borough.basemap.features.map((f) => JSON.stringify(f));
	return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The demo files for a seed, as text. */
export function generateDemoBorough(seed: number = DEMO_SEED): DemoFiles {
	return renderDemoFiles(buildDemoBorough(seed));
}
