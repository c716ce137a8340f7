/** The fixed vocabularies of asset imports, shared by the tables, the importer and the pages. */

export const ASSET_IMPORT_FORMATS = ['openreferral', 'geojson', 'csv', 'osm'] as const;
export type AssetImportFormat = (typeof ASSET_IMPORT_FORMATS)[number];

export const ASSET_FORMAT_LABELS: Record<AssetImportFormat, string> = {
	openreferral: 'Open Referral feed (JSON)',
	geojson: 'GeoJSON asset layer',
	csv: 'CSV asset list',
	osm: 'OpenStreetMap GeoJSON'
};

/**
 * checked: a dry run on the council page, its file kept until it is imported or expires;
 * imported: the real run happened (from the page or the command line);
 * expired: checked but never imported, its file deleted.
 */
export const IMPORT_RUN_STATES = ['checked', 'imported', 'expired'] as const;
export type ImportRunState = (typeof IMPORT_RUN_STATES)[number];

/** A possible duplicate waits for review (open); a coordinator says it is not one, or deals with it. */
export const DUPLICATE_FLAG_STATUSES = ['open', 'not_duplicate', 'resolved'] as const;
export type DuplicateFlagStatus = (typeof DUPLICATE_FLAG_STATUSES)[number];

/** Where an import was started, for the audit log. */
export type ImportVia = 'cli' | 'web';
