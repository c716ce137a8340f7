/**
 * A large synthetic directory for the search benchmark: assets drawn from the demo borough's templates
 * (so names, descriptions, categories, sessions, ages and costs read like real entries), placed around
 * invented towns spread over an England-sized box, each with its own postcode. Deterministic for a seed.
 * Written straight through better-sqlite3 in one transaction; the FTS5 and R*Tree triggers index it.
 */
import { DEMO_CATEGORIES } from '../../lib/demo/categories';
import { EXTRA_SENTENCES, COURSES, fill, parseCost } from '../../lib/demo/asset-fields';
import { GROUP_TEMPLATES } from '../../lib/demo/group-templates';
import { INFORMAL_TEMPLATES } from '../../lib/demo/informal-templates';
import { CAFE_NAMES, CHAPELS, PUB_NAMES, SAINTS, STREET_NAMES } from '../../lib/demo/names';
import { Random, deriveSeed } from '../../lib/demo/random';
import { SERVICE_TEMPLATES } from '../../lib/demo/service-templates';
import { parseSessions } from '../../lib/demo/sessions';
import type { AssetTemplate } from '../../lib/demo/template-types';
import { VENUE_TEMPLATES } from '../../lib/demo/venue-templates';
import type { OpenedDatabase } from '../../lib/server/db/client';
import { ACCESSIBILITY_FEATURES } from '../../lib/domain/vocabulary';

/** England, roughly: Land's End to Berwick, the Welsh border to the Norfolk coast. */
export const ENGLAND_BOX = { minLon: -5.7, minLat: 50.0, maxLon: 1.75, maxLat: 55.8 };

/** Elements of English place names, combined per 0.1° cell: over 4,000 names. */
const PREFIXES = (
	'Ab Ac Al Ap Ash Ast Aving Bar Bark Bas Beck Bel Bex Bid Bil Birch Black Blen Bol Bram Bre Brom ' +
	'Brook Bur Cal Cam Car Ched Chel Chid Clay Cleck Cod Col Cray Crew Dar Dal Ded Dor Dray Dun East ' +
	'Ec El Elm Em Ep Fair Far Fel Fen Fern Fox Gal Gar Gos Grant Green Hal Ham Har Hart Has Hath Hay ' +
	'Hed Hen Hol Holly Hors Hun Ick Ilk Kel Kes Kings Kirk Lam Lang Led Lei Ling Lit Long Lud Mal ' +
	'Mar Marsh Mel Mid Mill Mor Nant Neth Nor Oak Old Ot Pad Pen Pol Pres Ral Red Rom Ros Roth Rud'
).split(' ');
const SUFFIXES = (
	'ley ton field bury ham worth ford wick stead thorpe by combe den hurst well bridge moor dale ' +
	'gate minster borough cester chester mouth port stow thwaite wood holme more end side bourne ' +
	'brook cote hill ing over sey tree wardine'
).split(' ');
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const FEATURES = Object.keys(ACCESSIBILITY_FEATURES);
const OTHER_LANGUAGES = ['cy', 'pl', 'ur', 'pa', 'ar', 'bn', 'so', 'ro'];

export interface BenchTown {
	lon: number;
	lat: number;
	/** Spread in degrees of latitude. */
	spread: number;
}

export interface DirectoryBenchData {
	assets: number;
	/** Entries a visitor may see: published, and informal supports only with consent. */
	published: number;
	postcodes: string[];
	towns: BenchTown[];
	categoryIds: string[];
	parentCategoryIds: string[];
	/** Words that occur in names and descriptions, for varied text queries. */
	words: string[];
}

const TEMPLATES: readonly AssetTemplate[] = [
	...GROUP_TEMPLATES,
	...INFORMAL_TEMPLATES,
	...SERVICE_TEMPLATES,
	...VENUE_TEMPLATES
];

function placeName(cellX: number, cellY: number, seed: number): string {
	const h = deriveSeed(seed, `${cellX},${cellY}`);
	return PREFIXES[h % PREFIXES.length] + SUFFIXES[(h >>> 8) % SUFFIXES.length];
}

/** A unique postcode in a fictional area starting with Q (no real postcode does). */
function postcodeMaker(random: Random): () => string {
	const used = new Set<string>();
	return () => {
		for (;;) {
			const area = 'Q' + String.fromCharCode(65 + random.int(0, 25));
			const pcds =
				`${area}${random.int(1, 99)} ${random.int(0, 9)}` +
				UNIT_LETTERS[random.int(0, 19)] +
				UNIT_LETTERS[random.int(0, 19)];
			if (!used.has(pcds)) {
				used.add(pcds);
				return pcds;
			}
		}
	};
}

/**
 * Fills an opened (migrated, empty) database with `count` assets and their categories, sessions and
 * postcodes. `today` sets how fresh entries are: about one in six was last checked over 12 months ago.
 */
export function fillDirectoryBench(
	{ sqlite }: OpenedDatabase,
	{ count, seed, today }: { count: number; seed: number; today: string }
): DirectoryBenchData {
	const random = new Random(deriveSeed(seed, 'directory-bench'));
	const nextPostcode = postcodeMaker(new Random(deriveSeed(seed, 'postcodes')));
	const towns: BenchTown[] = Array.from({ length: 60 }, () => ({
		lon: random.float(ENGLAND_BOX.minLon + 0.5, ENGLAND_BOX.maxLon - 0.3),
		lat: random.float(ENGLAND_BOX.minLat + 0.3, ENGLAND_BOX.maxLat - 0.3),
		spread: random.float(0.03, 0.15)
	}));
	const todayMs = Date.parse(`${today}T00:00:00Z`);
	const totalWeight = TEMPLATES.reduce((sum, t) => sum + t.count, 0);
	const words = new Set<string>();

	const insertAsset = sqlite.prepare(`INSERT INTO assets (programme_id, kind, sector, name, name_cy,
		description, description_cy, location_kind, lon, lat, address, postcode, accessibility, age_min,
		age_max, family_friendly, cost, cost_detail, languages, status, last_verified_on, consent_public,
		source, external_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`);
	const insertCategory = sqlite.prepare(
		'INSERT OR IGNORE INTO asset_categories (asset_id, category_id) VALUES (?, ?)'
	);
	const insertSession = sqlite.prepare(`INSERT INTO asset_sessions
		(asset_id, frequency, weekday, week_of_month, anchor_date, start_time, end_time)
		VALUES (?, ?, ?, ?, ?, ?, ?)`);
	const insertPostcode = sqlite.prepare(
		'INSERT INTO postcodes (postcode, lat, lon) VALUES (?, ?, ?)'
	);
	const postcodes: string[] = [];
	let published = 0;

	// A big page cache while writing: the FTS5 index is rewritten as it grows.
	const cacheSize = sqlite.pragma('cache_size', { simple: true });
	sqlite.pragma('cache_size = -262144');
	sqlite.transaction(() => {
		const programmeId = sqlite
			.prepare(
				`INSERT INTO programmes (slug, name, is_fictional) VALUES ('bench', 'Benchmark programme', 1)`
			)
			.run().lastInsertRowid;
		const addCategory = sqlite.prepare(
			'INSERT INTO categories (id, parent_id, name, name_cy, sort_order) VALUES (?, ?, ?, ?, ?)'
		);
		DEMO_CATEGORIES.forEach((c, i) =>
			addCategory.run(c.id, c.parentId, c.name, c.nameCy ?? null, i)
		);

		for (let i = 0; i < count; i++) {
			const template = random.weighted(TEMPLATES, (t) => t.count / totalWeight);
			const where = template.at.length ? random.pick(template.at) : 'own';
			const atPlace = where !== 'online' && where !== 'roaming';
			const town = random.chance(0.75) ? random.pick(towns) : null;
			const lat = town
				? town.lat + random.normal(0, town.spread)
				: random.float(ENGLAND_BOX.minLat, ENGLAND_BOX.maxLat);
			const lon = town
				? town.lon + random.normal(0, town.spread * 1.6)
				: random.float(ENGLAND_BOX.minLon, ENGLAND_BOX.maxLon);
			const place = placeName(Math.floor(lon * 10), Math.floor(lat * 10), seed);
			const street = random.pick(STREET_NAMES);
			const values = {
				place,
				street,
				venue: `${place} ${random.pick(['Community Centre', 'Library', 'Village Hall', 'Hub'])}`,
				saint: random.pick(SAINTS),
				chapel: random.pick(CHAPELS),
				cafe: random.pick(CAFE_NAMES),
				pub: random.pick(PUB_NAMES),
				course: random.pick(COURSES)
			};
			const name = fill(template.name, values);
			let description = fill(template.description, values);
			if (random.chance(0.6)) description += ' ' + random.pick(EXTRA_SENTENCES[template.kind]);
			if (i < 20_000)
				for (const w of name.toLowerCase().split(/[^a-z]+/)) if (w.length >= 4) words.add(w);
			const welsh = random.chance(0.2);
			const ages = template.ages ?? [null, null];
			const access = atPlace
				? [...new Set([...(template.access ?? []), ...FEATURES.filter(() => random.chance(0.12))])]
				: [];
			const languages = [
				...(template.languages ?? ['en']),
				...(random.chance(0.05) ? [random.pick(OTHER_LANGUAGES)] : [])
			];
			const status = random.chance(0.06) ? 'draft' : random.chance(0.02) ? 'archived' : 'published';
			// Every other informal support has consent to be shown; the rest are for coordinators only.
			const consentPublic = template.kind === 'informal_support' && i % 2 === 0 ? 1 : 0;
			if (status === 'published' && (template.kind !== 'informal_support' || consentPublic)) {
				published++;
			}
			const ageDays = random.chance(0.17) ? random.int(366, 1100) : random.int(0, 360);
			const verified = random.chance(0.02)
				? null
				: new Date(todayMs - ageDays * 86_400_000).toISOString().slice(0, 10);
			const { cost, costDetail } = parseCost(template.cost);
			let postcode: string | null = null;
			if (atPlace) {
				postcode = nextPostcode();
				postcodes.push(postcode);
				insertPostcode.run(postcode, round6(lat), round6(lon));
			}
			const id = insertAsset.run(
				programmeId,
				template.kind,
				template.sector ?? null,
				name,
				welsh && template.nameCy ? fill(template.nameCy, values) : null,
				description,
				welsh && template.descriptionCy ? fill(template.descriptionCy, values) : null,
				atPlace ? 'place' : where,
				atPlace ? round6(lon) : null,
				atPlace ? round6(lat) : null,
				atPlace ? `${random.int(1, 200)} ${street}, ${place}` : null,
				postcode,
				JSON.stringify(access),
				ages[0],
				ages[1],
				template.family ? 1 : 0,
				cost ?? null,
				costDetail ?? null,
				JSON.stringify(languages),
				status,
				verified,
				consentPublic,
				`bench-${i}`
			).lastInsertRowid;
			for (const category of template.categories) insertCategory.run(id, category);
			for (const pattern of template.when?.length ? [random.pick(template.when)] : []) {
				for (const s of parseSessions(pattern, random)) {
					insertSession.run(
						id,
						s.frequency,
						s.weekday,
						s.weekOfMonth ?? null,
						s.anchorDate ?? null,
						s.startTime,
						s.endTime
					);
				}
			}
		}
	})();
	sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
	return {
		assets: count,
		published,
		postcodes,
		towns,
		categoryIds: DEMO_CATEGORIES.filter((c) => c.parentId).map((c) => c.id),
		parentCategoryIds: DEMO_CATEGORIES.filter((c) => !c.parentId).map((c) => c.id),
		words: [...words].sort()
	};
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
