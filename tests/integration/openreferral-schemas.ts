/**
 * The Open Referral UK profile's own JSON Schemas and OpenAPI, read from tests/data/openreferral
 * (as published, see its README), compiled with ajv for draft 2020-12 (the OpenAPI's
 * jsonSchemaDialect; the schema files declare no $schema of their own). Fails loudly if missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { realDataPath } from '../real-data';

export const OPENREFERRAL_DIR = realDataPath('openreferral');
const SCHEMA_DIR = realDataPath('openreferral', 'uk-profile-schema');
// The base the OpenAPI's $refs point at, so its response schemas resolve to these files.
const BASE = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// The profile's schemas carry Frictionless Data annotations; declare them so strict mode accepts them.
ajv.addVocabulary([
	'name',
	'path',
	'constraints',
	'example',
	'core',
	'datapackage_metadata',
	'datapackage_type',
	'tabular_required'
]);
for (const file of readdirSync(SCHEMA_DIR).filter(
	(f) => f.endsWith('.json') && f !== 'openapi.json'
)) {
	ajv.addSchema({ ...readJson(join(SCHEMA_DIR, file)), $id: BASE + file });
}
for (const file of ['service', 'service_list', 'service_at_location', 'service_at_location_list']) {
	ajv.addSchema({
		...readJson(join(SCHEMA_DIR, 'compiled', `${file}.json`)),
		$id: `${BASE}compiled/${file}.json`
	});
}

const openapi = readJson(join(OPENREFERRAL_DIR, 'uk-profile-openapi.json'));
const PAGE_FIELDS = [
	'total_items',
	'total_pages',
	'page_number',
	'size',
	'first_page',
	'last_page',
	'empty',
	'contents'
];
// The OpenAPI's Page lists no required fields; the envelope is only useful if every one is there.
ajv.addSchema({
	...openapi.components.schemas.Page,
	required: PAGE_FIELDS.filter((field) => field !== 'contents'),
	$id: 'urn:hsds:page'
});

/** The 200 response schema of an OpenAPI path, with its local Page reference pointed at ours. */
function responseSchema(path: string): ValidateFunction {
	const schema = structuredClone(
		openapi.paths[path].get.responses['200'].content['application/json'].schema
	);
	const text = JSON.stringify(schema).replaceAll('#/components/schemas/Page', 'urn:hsds:page');
	const isPage = text.includes('urn:hsds:page');
	return ajv.compile({
		...JSON.parse(text),
		...(isPage ? { type: 'object', required: PAGE_FIELDS } : {})
	});
}

/** Every path of the 3.0 OpenAPI, as it names them ("/services/{id}"). */
export const OPENAPI_PATHS = Object.keys(openapi.paths) as OpenApiPath[];
export type OpenApiPath =
	| '/'
	| '/services'
	| '/services/{id}'
	| '/service_at_locations'
	| '/service_at_locations/{id}'
	| '/taxonomies'
	| '/taxonomies/{id}'
	| '/taxonomy_terms'
	| '/taxonomy_terms/{id}';

/**
 * Each path's validator: exactly the 200 response schema the OpenAPI names for it, nothing swapped
 * (the official validator does the same).
 */
export const validators = Object.fromEntries(
	OPENAPI_PATHS.map((path) => [path, responseSchema(path)])
) as Record<OpenApiPath, ValidateFunction>;

/** The compiled service_at_location schema, which `/service_at_locations/{id}` must meet as well. */
export const serviceAtLocationSchema = ajv.getSchema(
	`${BASE}compiled/service_at_location.json`
)! as ValidateFunction;

/** Errors of a validation, one per line, for a failing expectation's message. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string {
	return validate(data) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}
