/**
 * One way in for every asset file: decode it, read it in its format, and turn each record into a
 * checked asset draft or a rejection naming it. Pure: the caller gives the programme's categories
 * and a postcode lookup, and writes the drafts (src/lib/server/exchange/import/).
 */
import type { AssetStatus } from '../../vocabulary';
import { ImportError } from '../../import/errors';
import { parseJsonText } from '../../import/json';
import { slugify } from '../../import/slug';
import { describeZodError } from '../../schemas/describe-error';
import { CategoryResolver, type CategoryRow, type NewCategory } from './categories';
import { readCsvAssets } from './csv';
import { decodeAssetBytes } from './decode';
import { readFeatureFile, readGeoJsonAssets } from './geojson';
import { assetMappingSchema, type AssetMapping } from './mapping';
import { readOpenReferralServices, servicesOf } from './openreferral';
import type { AssetImportFormat } from './kinds';
import { readOsmAssets } from './osm';
import { finaliseRecords, type ReadyDraft, type RecordOutcome, type Rejection } from './records';

export { ASSET_IMPORT_FORMATS, ASSET_FORMAT_LABELS, type AssetImportFormat } from './kinds';

export interface PrepareOptions {
	/** The file's name as the person knows it, used in every message. */
	file: string;
	format: AssetImportFormat;
	mapping: AssetMapping | null;
	/** Status for new assets. */
	status: AssetStatus;
	/** Overrides the mapping's source and the default. */
	source?: string;
	categories: readonly CategoryRow[];
	lookupPostcode: (postcode: string) => [number, number] | null;
	onProgress?: (done: number, total: number) => void;
}

export interface PreparedImport {
	file: string;
	format: AssetImportFormat;
	source: string;
	encodingNote: string;
	/** Facts about how the file was read (shape, fields, coordinates). */
	notes: string[];
	/** Records in the file: drafts + rejected. */
	total: number;
	drafts: ReadyDraft[];
	rejected: Rejection[];
	newCategories: NewCategory[];
	/** Open Referral taxonomy terms that matched no category, with how many services had each. */
	unmatchedTerms: [string, number][];
}

/**
 * The source name an import's assets are kept under (re-imports match on it and each record's id).
 * Open Referral ids are UUIDs and OpenStreetMap ids are global, so those need no file name.
 * @example defaultSource('geojson', 'data/trafford_libraries.geojson') // 'geojson:trafford-libraries'
 */
export function defaultSource(format: AssetImportFormat, file: string): string {
	if (format === 'openreferral' || format === 'osm') return format;
	const base = file
		.split(/[\\/]/)
		.pop()!
		.replace(/\.[a-z0-9]+$/i, '');
	return `${format}:${slugify(base) || 'file'}`;
}

/** Reads and checks a mapping file. Throws ImportError naming the field. */
export function parseAssetMapping(text: string, file: string): AssetMapping {
	const value = parseJsonText(text, file);
	const parsed = assetMappingSchema.safeParse(value);
	if (!parsed.success) throw new ImportError(describeZodError(parsed.error, file).split('\n'));
	return parsed.data;
}

/** Reads a whole asset file into drafts and rejections. Throws ImportError when the file as a whole is unusable. */
export function prepareAssetImport(bytes: Uint8Array, options: PrepareOptions): PreparedImport {
	const { file, format, mapping } = options;
	const decoded = decodeAssetBytes(bytes, file);
	const source = options.source ?? mapping?.source ?? defaultSource(format, file);
	const resolver = new CategoryResolver(options.categories);
	let done = 0;
	let total = 0;
	const tick = () => options.onProgress?.(++done, total);
	const finish = (outcomes: RecordOutcome[], notes: string[]): PreparedImport => {
		total = outcomes.length;
		const { drafts, rejected } = finaliseRecords(
			outcomes,
			{ source, status: options.status, resolver, lookupPostcode: options.lookupPostcode },
			tick
		);
		return {
			file,
			format,
			source,
			encodingNote: decoded.note,
			notes,
			total,
			drafts,
			rejected,
			newCategories: resolver.created(),
			unmatchedTerms: []
		};
	};
	if (format === 'csv') {
		const read = readCsvAssets(decoded.text, mapping ?? { rules: [] }, file);
		return finish(read.outcomes, read.notes);
	}
	const value = parseJsonText(decoded.text, file);
	if (format === 'openreferral') {
		const { services, notes } = servicesOf(value, file);
		total = services.length;
		const read = readOpenReferralServices(services, {
			source,
			status: options.status,
			mapping,
			resolver,
			lookupPostcode: options.lookupPostcode,
			onEach: tick
		});
		const unmatchedTerms = [...read.unmatchedTerms].sort(
			(a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
		);
		return {
			file,
			format,
			source,
			encodingNote: decoded.note,
			notes,
			total,
			drafts: read.drafts,
			rejected: read.rejected,
			newCategories: resolver.created(),
			unmatchedTerms
		};
	}
	const features = readFeatureFile(value, file);
	const read =
		format === 'osm'
			? readOsmAssets(features, mapping)
			: readGeoJsonAssets(features, mapping ?? { rules: [] });
	const crsNote =
		read.crs === 'BNG'
			? 'Coordinates are British National Grid: reprojected to WGS84.'
			: 'Coordinates are WGS84 longitude and latitude.';
	return finish(read.outcomes, [...read.notes, crsNote]);
}
