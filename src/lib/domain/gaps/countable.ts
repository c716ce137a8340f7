/**
 * Which entries a gap analysis counts: what a visitor can find. Drafts and archived entries never
 * count, and an informal support (a person) only with consent to be shown publicly, so no figure on a
 * council page or download can reveal a private one.
 */
import { isShownToVisitors } from '../visibility';
import type { GapAsset } from './types';

/**
 * The entries that count, in the order given.
 * @example countableAssets([{ status: 'draft', … }]) // []
 */
export function countableAssets<T extends GapAsset>(assets: readonly T[]): T[] {
	return assets.filter(isShownToVisitors);
}

/** The entries that count in one category. */
export function assetsInCategory<T extends GapAsset>(
	assets: readonly T[],
	categoryId: string
): T[] {
	return countableAssets(assets).filter((asset) => asset.categoryIds.includes(categoryId));
}
