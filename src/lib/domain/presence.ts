/** Coordinators' presence at community venues. */

/**
 * Whether a coordinator's whole week is at one venue. The LAC core characteristics say coordinators are
 * "based in a range of community venues … intentionally not based in one place", so this is flagged.
 * A week with no presence at all is not flagged here: it has its own message.
 * @example usesSingleVenue([{ venueId: 4 }, { venueId: 4 }]) // true
 */
export function usesSingleVenue(presence: readonly { venueId: number }[]): boolean {
	return presence.length > 0 && new Set(presence.map((visit) => visit.venueId)).size === 1;
}
