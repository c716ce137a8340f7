/** An entry as the finder weighs it: what the server loads for each entry within reach. */
import type { SessionRule } from '../sessions';
import type { AssetKind, CostKind, LocationKind, ServiceSector } from '../vocabulary';

export interface FinderCandidate {
	id: number;
	name: string;
	kind: AssetKind;
	sector: ServiceSector | null;
	locationKind: LocationKind;
	/** Straight-line metres from where the person is; null when there is no place to measure from. */
	distanceMetres: number | null;
	/** The entry's categories (its own, not their parents). */
	categoryIds: string[];
	/** Which of the person's words (finderTerms) its name or description holds. */
	wordsMatched: string[];
	sessions: SessionRule[];
	accessibility: string[];
	ageMin: number | null;
	ageMax: number | null;
	familyFriendly: boolean;
	cost: CostKind | null;
	languages: string[];
	/** Checked longer ago than the programme's limit, or never. */
	stale: boolean;
}
