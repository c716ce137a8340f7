/**
 * The Open Referral UK API as plain functions: each takes the database and the request's id or query
 * parameters and returns a status and a JSON body. Routes only wrap these in a Response (http.ts), so
 * tests can call them directly.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import {
	pagingSchema,
	readQuery,
	serviceAtLocationsQuerySchema,
	servicesQuerySchema,
	type ParameterError
} from '../../../domain/exchange/openreferral/query-params';
import {
	toPage,
	toService,
	toServiceAtLocation,
	toServiceAtLocationSummary,
	toServiceSummary
} from '../../../domain/exchange/openreferral/to-hsds';
import { loadApiContext } from './context';
import { findServiceAtLocationIds, findServiceIds } from './find-services';
import { loadAssetsForHsds } from './load-assets';

export interface ApiResult {
	status: number;
	body: unknown;
}

/** The UK profile this API follows. */
export const PROFILE_URL = 'https://github.com/openreferral/uk-profile';
export const OPENAPI_URL =
	'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json';

const ok = (body: unknown): ApiResult => ({ status: 200, body });

function badRequest(errors: ParameterError[]): ApiResult {
	return {
		status: 400,
		body: { error: 'Bad request', message: errors.map((e) => e.message).join('; '), errors }
	};
}

function notFound(what: string, id: string): ApiResult {
	return {
		status: 404,
		body: { error: 'Not found', message: `There is no ${what} with id ${id}` }
	};
}

/** `/`: the HSDS version and profile. */
export function apiRoot(): ApiResult {
	return ok({ version: '3.0', profile: PROFILE_URL, openapi_url: OPENAPI_URL });
}

/** `/services`: published assets as services, list form, paged and filtered. */
export function listServices(db: Db, params: URLSearchParams): ApiResult {
	const query = readQuery(servicesQuerySchema, params);
	if (!query.ok) return badRequest(query.errors);
	const context = loadApiContext(db);
	const { ids, total } = findServiceIds(
		db,
		query.value,
		context.catalogue,
		context.programme?.id ?? null
	);
	const contents = loadAssetsForHsds(db, ids).map((asset) => toServiceSummary(asset, context));
	return ok(toPage(contents, total, query.value.page, query.value.per_page));
}

/** `/services/{id}`: one published asset as a fully nested service. */
export function getService(db: Db, id: string): ApiResult {
	const context = loadApiContext(db);
	const assetId = context.ids.parseRow('service', id);
	const [asset] = assetId === null ? [] : loadAssetsForHsds(db, [assetId]);
	return asset ? ok(toService(asset, context)) : notFound('service', id);
}

/** `/service_at_locations`: published assets at their places, list form; postcode and proximity too. */
export function listServiceAtLocations(db: Db, params: URLSearchParams): ApiResult {
	const query = readQuery(serviceAtLocationsQuerySchema, params);
	if (!query.ok) return badRequest(query.errors);
	let origin: [number, number] | null = null;
	if (query.value.postcode) {
		const found = db
			.select({ lon: t.postcodes.lon, lat: t.postcodes.lat })
			.from(t.postcodes)
			.where(eq(t.postcodes.postcode, query.value.postcode))
			.get();
		if (!found) {
			return badRequest([
				{
					parameter: 'postcode',
					message: `postcode ${query.value.postcode} is not in this site's postcode directory`
				}
			]);
		}
		origin = [found.lon, found.lat];
	}
	const context = loadApiContext(db);
	const { ids, total } = findServiceAtLocationIds(
		db,
		query.value,
		context.catalogue,
		context.programme?.id ?? null,
		origin
	);
	const contents = loadAssetsForHsds(db, ids).flatMap(
		(asset) => toServiceAtLocationSummary(asset, context) ?? []
	);
	return ok(toPage(contents, total, query.value.page, query.value.per_page));
}

/** `/service_at_locations/{id}`: one published asset at its place, fully nested. */
export function getServiceAtLocation(db: Db, id: string): ApiResult {
	const context = loadApiContext(db);
	const assetId = context.ids.parseRow('service_at_location', id);
	const [asset] = assetId === null ? [] : loadAssetsForHsds(db, [assetId]);
	const found = asset ? toServiceAtLocation(asset, context) : null;
	return found ? ok(found) : notFound('service at location', id);
}

function pageOfList<T>(items: T[], params: URLSearchParams): ApiResult {
	const query = readQuery(pagingSchema, params);
	if (!query.ok) return badRequest(query.errors);
	const { page, per_page } = query.value;
	const contents = items.slice((page - 1) * per_page, page * per_page);
	return ok(toPage(contents, items.length, page, per_page));
}

/** `/taxonomies`: the three taxonomies, without their terms. */
export function listTaxonomies(db: Db, params: URLSearchParams): ApiResult {
	return pageOfList(loadApiContext(db).catalogue.taxonomies, params);
}

/** `/taxonomies/{id}`: one taxonomy with its terms. */
export function getTaxonomy(db: Db, id: string): ApiResult {
	const { catalogue } = loadApiContext(db);
	const taxonomy = catalogue.taxonomies.find((item) => item.id === id.toLowerCase());
	if (!taxonomy) return notFound('taxonomy', id);
	const terms = catalogue.terms.filter((term) => term.taxonomy_id === taxonomy.id);
	return ok({ ...taxonomy, taxonomy_terms: terms });
}

/** `/taxonomy_terms`: every term of every taxonomy, parents before children. */
export function listTaxonomyTerms(db: Db, params: URLSearchParams): ApiResult {
	return pageOfList(loadApiContext(db).catalogue.terms, params);
}

/** `/taxonomy_terms/{id}`: one term. */
export function getTaxonomyTerm(db: Db, id: string): ApiResult {
	const { catalogue } = loadApiContext(db);
	const key = catalogue.keyById.get(id.toLowerCase());
	const term = key ? catalogue.byKey.get(key) : undefined;
	return term ? ok(term) : notFound('taxonomy term', id);
}
