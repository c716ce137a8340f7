/**
 * Public assets as export rows: one CSV row or one GeoJSON Feature each, with the licence and the
 * export date carried inside the file (CSV columns; GeoJSON top-level members), so a copy that has
 * lost its download page still says where it came from. See ../openreferral/MAPPING.md, "Exports".
 */
import { describeSession, type SessionRule } from '../../sessions';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KIND_LABELS,
	COST_LABELS,
	LANGUAGE_NAMES,
	SERVICE_SECTOR_LABELS,
	type AccessibilityFeature,
	type AssetKind,
	type CostKind,
	type ServiceSector
} from '../../vocabulary';
import { toCsv, type CsvValue } from './csv-write';

/** Patchwork's default data licence when a programme has not chosen one. */
export const DEFAULT_LICENCE = {
	name: 'Open Government Licence v3.0',
	url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
};

/** One published asset with its public details, as the export query loads it. */
export interface ExportAsset {
	id: number;
	kind: AssetKind;
	sector: string | null;
	name: string;
	nameCy: string | null;
	description: string;
	locationKind: string;
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	venueName: string | null;
	categories: string[];
	/** Public contacts only. */
	contacts: { kind: string; value: string }[];
	sessions: (SessionRule & { note: string | null })[];
	accessibility: string[];
	ageMin: number | null;
	ageMax: number | null;
	cost: string | null;
	costDetail: string | null;
	languages: string[];
	lastVerifiedOn: string | null;
	updatedAt: string;
}

export interface ExportMeta {
	/** e.g. "Fennick Vale (fictional demo borough)", or "… : Aldermoor patch". */
	title: string;
	licence: { name: string; url: string };
	/** 'YYYY-MM-DD', the London date of the export. */
	exportedOn: string;
	/** The site's origin, for links to each asset's page. */
	origin: string;
}

export const EXPORT_COLUMNS = [
	'id',
	'name',
	'name_cy',
	'kind',
	'sector',
	'categories',
	'description',
	'location_kind',
	'address',
	'postcode',
	'latitude',
	'longitude',
	'meets_at',
	'phone',
	'email',
	'website',
	'sessions',
	'cost',
	'cost_detail',
	'age_min',
	'age_max',
	'accessibility',
	'languages',
	'last_verified_on',
	'updated_at',
	'page_url',
	'licence',
	'exported_on'
] as const;

const joined = (values: string[]) => (values.length ? values.join('; ') : null);
const contactsOf = (asset: ExportAsset, kind: string) =>
	asset.contacts.filter((contact) => contact.kind === kind).map((contact) => contact.value);

/** The export's fields for one asset, in EXPORT_COLUMNS order, lists as arrays. */
function fields(
	asset: ExportAsset,
	meta: ExportMeta
): Record<(typeof EXPORT_COLUMNS)[number], CsvValue | string[]> {
	return {
		id: asset.id,
		name: asset.name,
		name_cy: asset.nameCy,
		kind: ASSET_KIND_LABELS[asset.kind].one,
		sector: asset.sector ? SERVICE_SECTOR_LABELS[asset.sector as ServiceSector] : null,
		categories: asset.categories,
		description: asset.description,
		location_kind: asset.locationKind,
		address: asset.address,
		postcode: asset.postcode,
		latitude: asset.lat,
		longitude: asset.lon,
		meets_at: asset.venueName,
		phone: contactsOf(asset, 'phone'),
		email: contactsOf(asset, 'email'),
		website: contactsOf(asset, 'website'),
		sessions: asset.sessions.map(
			(session) => describeSession(session) + (session.note ? ` (${session.note})` : '')
		),
		cost: asset.cost ? COST_LABELS[asset.cost as CostKind] : null,
		cost_detail: asset.costDetail,
		age_min: asset.ageMin,
		age_max: asset.ageMax,
		accessibility: asset.accessibility.map(
			(code) => ACCESSIBILITY_FEATURES[code as AccessibilityFeature] ?? code
		),
		languages: asset.languages.map((code) => LANGUAGE_NAMES[code] ?? code),
		last_verified_on: asset.lastVerifiedOn,
		updated_at: asset.updatedAt,
		page_url: `${meta.origin}/assets/${asset.id}`,
		licence: `${meta.licence.name} (${meta.licence.url})`,
		exported_on: meta.exportedOn
	};
}

/** The CSV export: BOM, header row, one row per asset; lists joined with "; ". */
export function assetsToCsv(assets: ExportAsset[], meta: ExportMeta): string {
	const rows = assets.map((asset) => {
		const values = fields(asset, meta);
		return EXPORT_COLUMNS.map((column) => {
			const value = values[column];
			return Array.isArray(value) ? joined(value) : value;
		});
	});
	return toCsv([...EXPORT_COLUMNS], rows);
}

/**
 * The GeoJSON export (RFC 7946): a FeatureCollection with the licence, attribution and date as
 * top-level members. Assets with no point (online, no fixed place) have a null geometry, so both
 * exports hold the same assets. Text is exactly as stored: the spreadsheet guard (a ' before a
 * leading = + - @) belongs to the CSV, which a spreadsheet opens; in GeoJSON it would only corrupt
 * names such as "+44 Club" for every program that reads them (issue 14, finding 10).
 */
export function assetsToGeoJson(assets: ExportAsset[], meta: ExportMeta) {
	return {
		type: 'FeatureCollection' as const,
		name: meta.title,
		licence: meta.licence,
		attribution: `${meta.title}. Contains public sector information licensed under the ${meta.licence.name}.`,
		exported_on: meta.exportedOn,
		features: assets.map((asset) => {
			const values = fields(asset, meta);
			const { latitude: _lat, longitude: _lon, licence: _l, exported_on: _e, ...rest } = values;
			return {
				type: 'Feature' as const,
				id: asset.id,
				geometry:
					asset.lon !== null && asset.lat !== null
						? { type: 'Point' as const, coordinates: [asset.lon, asset.lat] }
						: null,
				properties: Object.fromEntries(
					Object.entries(rest).map(([key, value]) => [key, value ?? null])
				)
			};
		})
	};
}

/** A file name for an export: programme, optional patch, date, e.g. "fennick-vale-assets-2026-11-25.csv". */
export function exportFileName(
	programmeSlug: string,
	patchSlug: string | null,
	date: string,
	extension: string
) {
	return `${[programmeSlug, patchSlug, 'assets', date].filter(Boolean).join('-')}.${extension}`;
}
