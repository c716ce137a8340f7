/**
 * Loads the demo borough from data/demo into an empty database, in one transaction: either all of it
 * lands or none of it does. Every file is parsed with its zod schema first, so a mistake is reported by
 * file, item and field before anything is written.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { count, eq } from 'drizzle-orm';
import { parseCsv } from '../../domain/csv';
import {
	areaInSquareMetres,
	boundingBoxOf,
	representativePoint,
	type AreaGeometry
} from '../../domain/geometry';
import { describeZodError } from '../../domain/schemas/describe-error';
import {
	DEMO_FILES,
	demoAssetsSchema,
	demoCategoriesSchema,
	demoPatchesSchema,
	demoProgrammeSchema,
	demoSmallAreasSchema,
	demoSuggestionsSchema,
	demoUsersSchema
} from '../../domain/schemas/demo-borough';
import { normalisePostcode } from '../../domain/postcode';
import { DEMO_DEPRIVATION_NAME, demoDeprivation } from '../../demo/deprivation';
import { londonDate } from '../../domain/sessions';
import { addDays, demoDateShift, REFERENCE_DATE } from '../../demo/sessions';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedId } from '../db/write';
import { insertDemoDemand } from './seed-demand';

export class DemoDataError extends Error {
	name = 'DemoDataError';
}

export const DEFAULT_DEMO_DIR = 'data/demo';

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
	const path = join(dir, file);
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, 'utf8'));
	} catch (cause) {
		throw new DemoDataError(`${path} could not be read as JSON: ${(cause as Error).message}`);
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success) throw new DemoDataError(describeZodError(parsed.error, path));
	return parsed.data;
}

function readPostcodes(dir: string): { postcode: string; lat: number; lon: number }[] {
	const path = join(dir, DEMO_FILES.postcodes);
	const table = parseCsv(readFileSync(path, 'utf8'));
	return table.rows.map(({ line, values }) => {
		const postcode = normalisePostcode(values.pcds ?? '');
		const lat = Number(values.lat);
		const lon = Number(values.long);
		if (!postcode || !Number.isFinite(lat) || !Number.isFinite(lon)) {
			throw new DemoDataError(`${path}: line ${line}: needs a postcode (pcds), lat and long`);
		}
		return { postcode, lat, lon };
	});
}

export interface DemoSummary {
	programme: string;
	smallAreas: number;
	patches: number;
	assets: number;
	suggestions: number;
	users: { email: string; role: string; password: string; displayName: string }[];
}

/** Reads and loads the demo borough. Throws DemoDataError (naming file and field) on bad files. */
export async function loadDemoBorough(
	db: Db,
	dir = DEFAULT_DEMO_DIR,
	{ today = REFERENCE_DATE }: { today?: string } = {}
): Promise<DemoSummary> {
	const folder = resolve(dir);
	// Dates of checks, consent and suggestions move with the day the demo is loaded (see demoDateShift).
	const shift = demoDateShift(today);
	const moved = <T extends string | null | undefined>(date: T): T =>
		(date ? addDays(date.slice(0, 10), shift) + date.slice(10) : date) as T;
	const programme = readJson(folder, DEMO_FILES.programme, demoProgrammeSchema);
	const smallAreas = readJson(folder, DEMO_FILES.smallAreas, demoSmallAreasSchema);
	const patchFile = readJson(folder, DEMO_FILES.patches, demoPatchesSchema);
	const categoryList = readJson(folder, DEMO_FILES.categories, demoCategoriesSchema);
	const assetList = readJson(folder, DEMO_FILES.assets, demoAssetsSchema);
	const userList = readJson(folder, DEMO_FILES.users, demoUsersSchema);
	const suggestionList = readJson(folder, DEMO_FILES.suggestions, demoSuggestionsSchema);
	const postcodeRows = readPostcodes(folder);

	// Hashing is slow and asynchronous, so it happens before the (synchronous) transaction.
	const passwordHashes = await Promise.all(userList.map((user) => hashPassword(user.password)));

	db.transaction((tx) => {
		const [{ id: programmeId }] = tx
			.insert(t.programmes)
			.values({
				slug: programme.slug,
				name: programme.name,
				nameCy: programme.nameCy,
				description: programme.description,
				isFictional: programme.isFictional,
				boundary: programme.boundary,
				limitSmallMin: programme.limits.smallMin,
				limitUsualMin: programme.limits.usualMin,
				limitUsualMax: programme.limits.usualMax,
				limitMax: programme.limits.max
			})
			.returning({ id: t.programmes.id })
			.all();

		const [{ id: populationSetId }] = tx
			.insert(t.populationSets)
			.values({ programmeId, ...programme.populationSet })
			.returning({ id: t.populationSets.id })
			.all();
		tx.update(t.programmes).set({ defaultPopulationSetId: populationSetId }).run();

		const deprivationSetId = insertedId(
			tx
				.insert(t.deprivationSets)
				.values({ indexKind: 'IMD', name: DEMO_DEPRIVATION_NAME, source: 'generated' })
				.run()
		);
		for (const [position, feature] of smallAreas.features.entries()) {
			const geometry = feature.geometry as AreaGeometry;
			const [pointLon, pointLat] = representativePoint(geometry);
			const [{ id }] = tx
				.insert(t.smallAreas)
				.values({
					code: feature.properties.code,
					kind: 'OA',
					geometry,
					...boundingBoxOf(geometry),
					pointLon,
					pointLat,
					areaM2: areaInSquareMetres(geometry)
				})
				.returning({ id: t.smallAreas.id })
				.all();
			tx.insert(t.populationValues)
				.values({ populationSetId, smallAreaId: id, value: feature.properties.population })
				.run();
			tx.insert(t.smallAreaDeprivation)
				.values({ deprivationSetId, smallAreaId: id, ...demoDeprivation(position) })
				.run();
		}

		const patchIds = new Map<string, number>();
		for (const feature of patchFile.features) {
			const geometry = feature.geometry as AreaGeometry;
			const [{ id }] = tx
				.insert(t.patches)
				.values({
					programmeId,
					...feature.properties,
					boundary: geometry,
					...boundingBoxOf(geometry)
				})
				.returning({ id: t.patches.id })
				.all();
			patchIds.set(feature.properties.slug, id);
		}

		tx.insert(t.categories)
			.values(categoryList.map((category, sortOrder) => ({ ...category, sortOrder })))
			.run();

		const userIds = new Map<string, number>();
		const userRoles = new Map(userList.map((user) => [user.email.toLowerCase(), user.role]));
		userList.forEach((user, index) => {
			const [{ id }] = tx
				.insert(t.users)
				.values({
					email: user.email.toLowerCase(),
					displayName: user.displayName,
					role: user.role,
					passwordHash: passwordHashes[index]
				})
				.returning({ id: t.users.id })
				.all();
			userIds.set(user.email.toLowerCase(), id);
			for (const slug of user.patches) {
				const patchId = patchIds.get(slug);
				if (patchId === undefined) {
					throw new DemoDataError(`users.json: ${user.email} lists unknown patch "${slug}"`);
				}
				tx.insert(t.patchCoordinators).values({ patchId, userId: id }).run();
			}
		});

		const assetIds = new Map<string, number>();
		for (const asset of assetList) {
			const verifier = asset.lastVerifiedBy?.toLowerCase();
			const [{ id }] = tx
				.insert(t.assets)
				.values({
					programmeId,
					kind: asset.kind,
					sector: asset.sector ?? null,
					name: asset.name,
					nameCy: asset.nameCy,
					description: asset.description,
					descriptionCy: asset.descriptionCy,
					locationKind: asset.locationKind,
					lon: asset.point?.[0] ?? null,
					lat: asset.point?.[1] ?? null,
					address: asset.address,
					postcode: asset.postcode ? normalisePostcode(asset.postcode) : null,
					accessibility: asset.accessibility,
					ageMin: asset.ageMin,
					ageMax: asset.ageMax,
					familyFriendly: asset.familyFriendly,
					cost: asset.cost,
					costDetail: asset.costDetail,
					languages: asset.languages,
					status: asset.status,
					lastVerifiedOn: moved(asset.lastVerifiedOn),
					lastVerifiedBy: verifier ? (userIds.get(verifier) ?? null) : null,
					lastVerifiedVia: verifier ? (userRoles.get(verifier) ?? null) : null,
					consentRecordedOn: moved(asset.consent?.recordedOn ?? null),
					consentHow: asset.consent?.how ?? null,
					consentPublic: asset.consent?.public ?? false,
					consentPublicOn: moved(asset.consent?.publicOn ?? null),
					consentContactsPublic: asset.consent?.contactsPublic ?? false,
					source: 'demo',
					externalId: asset.ref
				})
				.returning({ id: t.assets.id })
				.all();
			assetIds.set(asset.ref, id);
			tx.insert(t.assetCategories)
				.values(asset.categories.map((categoryId) => ({ assetId: id, categoryId })))
				.run();
			if (asset.contacts.length) {
				tx.insert(t.assetContacts)
					.values(asset.contacts.map((contact) => ({ assetId: id, ...contact })))
					.run();
			}
			if (asset.sessions.length) {
				tx.insert(t.assetSessions)
					.values(asset.sessions.map((session) => ({ assetId: id, ...session })))
					.run();
			}
			for (const slug of asset.linkedPatches ?? []) {
				const patchId = patchIds.get(slug);
				if (patchId === undefined) {
					throw new DemoDataError(`assets.json: ${asset.ref} is linked to unknown patch "${slug}"`);
				}
				tx.insert(t.assetPatches).values({ assetId: id, patchId }).run();
			}
		}
		// Venues are linked once every asset has an id, so file order does not matter.
		for (const asset of assetList) {
			if (!asset.venueRef) continue;
			const venueId = assetIds.get(asset.venueRef);
			if (venueId === undefined) {
				throw new DemoDataError(
					`assets.json: ${asset.ref} meets at unknown venue "${asset.venueRef}"`
				);
			}
			tx.update(t.assets)
				.set({ venueId })
				.where(eq(t.assets.id, assetIds.get(asset.ref)!))
				.run();
		}

		for (const user of userList) {
			const userId = userIds.get(user.email.toLowerCase())!;
			for (const presence of user.presence) {
				const venueId = assetIds.get(presence.venueRef);
				if (venueId === undefined) {
					throw new DemoDataError(
						`users.json: ${user.email} has presence at unknown venue "${presence.venueRef}"`
					);
				}
				const { venueRef: _ignored, ...when } = presence;
				void _ignored;
				tx.insert(t.presenceSessions)
					.values({ userId, venueId, ...when })
					.run();
			}
		}

		for (const suggestion of suggestionList) {
			const { assetRef, createdAt, ...fields } = suggestion;
			const assetId = assetRef === undefined ? null : assetIds.get(assetRef);
			if (assetId === undefined) {
				throw new DemoDataError(
					`suggestions.json: a suggestion is about unknown entry "${assetRef}"`
				);
			}
			tx.insert(t.suggestions)
				.values({
					...fields,
					assetId,
					submitterName: fields.submitterName ?? null,
					submitterEmail: fields.submitterEmail ?? null,
					status: 'open',
					createdAt: moved(createdAt),
					updatedAt: moved(createdAt)
				})
				.run();
		}

		for (let i = 0; i < postcodeRows.length; i += 500) {
			tx.insert(t.postcodes)
				.values(postcodeRows.slice(i, i + 500))
				.run();
		}
		insertDemoDemand(tx, today);
	});

	return {
		programme: programme.name,
		smallAreas: smallAreas.features.length,
		patches: patchFile.features.length,
		assets: assetList.length,
		suggestions: suggestionList.length,
		users: userList.map(({ email, role, password, displayName }) => ({
			email,
			role,
			password,
			displayName
		}))
	};
}

/** Whether the database has no programme yet (new, empty, or freshly migrated). */
export function isDatabaseEmpty(db: Db): boolean {
	const [{ n }] = db.select({ n: count() }).from(t.programmes).all();
	return n === 0;
}

/**
 * At server start: loads the demo borough into an empty database, unless SEED_DEMO is "false".
 * Logs one line saying what happened, naming the database file.
 */
export async function seedDemoIfEmpty(
	db: Db,
	{ path, env = process.env }: { path: string; env?: Record<string, string | undefined> }
): Promise<DemoSummary | null> {
	if (!isDatabaseEmpty(db)) return null;
	if (env.SEED_DEMO === 'false') {
		console.log(
			`Patchwork: ${resolve(path)} has no programme yet and SEED_DEMO=false, so it was left empty.`
		);
		return null;
	}
	const summary = await loadDemoBorough(db, env.DEMO_DATA_DIR || DEFAULT_DEMO_DIR, {
		today: env.DEMO_TODAY || londonDate(new Date())
	});
	console.log(
		`Patchwork: ${resolve(path)} was empty, so it was created and loaded with the demo borough ` +
			`"${summary.programme}" (${summary.smallAreas} small areas, ${summary.patches} patches, ` +
			`${summary.assets} assets).`
	);
	return summary;
}
