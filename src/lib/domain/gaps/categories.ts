/**
 * An entry counts in its categories and in each of their parents, as the directory search does (a
 * search for a category finds its descendants too), so a cell's count matches the search it links to.
 */

/**
 * The categories with all their ancestors, each once, in the order met.
 * @param parentOf category id → parent id (null or absent for a top-level category)
 * @example withAncestors(['coffee-and-chat'], new Map([['coffee-and-chat', 'social']])) // ['coffee-and-chat', 'social']
 */
export function withAncestors(
	categoryIds: readonly string[],
	parentOf: ReadonlyMap<string, string | null>
): string[] {
	const out = new Set<string>();
	for (const id of categoryIds) {
		let at: string | null | undefined = id;
		// The guard stops a loop in a malformed taxonomy (a category its own ancestor).
		while (at && !out.has(at)) {
			out.add(at);
			at = parentOf.get(at);
		}
	}
	return [...out];
}
