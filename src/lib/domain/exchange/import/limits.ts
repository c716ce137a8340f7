/**
 * Limits on asset files, so a wrong or hostile file fails fast with a plain message instead of
 * exhausting the server. Sized from the real files (see README.md beside this file):
 * - The largest real asset files are Bristol's Open Referral feed (2.3 MB, 819 services) and
 *   Trafford's greenspace layer (0.4 MB, 427 polygons). A whole county's feed or an OpenStreetMap
 *   extract of a region is tens of MB: files may be up to 50 MB.
 * - An asset polygon (a park, a church) needs tens to thousands of vertices; it is only reduced to a
 *   point inside it. Up to 100,000 vertices per feature; beyond that the feature is rejected.
 */
import { formatBytes } from '../../import/limits';

export const MAX_ASSET_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ASSET_FEATURE_VERTICES = 100_000;
/** Rows, features or services in one file. */
export const MAX_ASSET_RECORDS = 200_000;
/** Rejections and possible duplicates a report keeps in full (the counts are always exact). */
export const MAX_REPORT_ITEMS = 2_000;

/** The file-size problem for an asset file, or null when its size is fine. */
export function assetFileSizeProblem(source: string, bytes: number): string | null {
	if (bytes === 0) return `${source} is empty.`;
	if (bytes > MAX_ASSET_FILE_BYTES) {
		return (
			`${source} is ${formatBytes(bytes)}, larger than the ${formatBytes(MAX_ASSET_FILE_BYTES)} ` +
			'limit for asset files. Check it is the right file, or split it into smaller files.'
		);
	}
	return null;
}
