/**
 * The shapes of a scenario: a draft set of patches a council edits freely, then publishes over the
 * live patches in one step (DESIGN.md, "A scenario is a draft set of patches…"). Pure data.
 */
import type { AreaGeometry } from '../geometry';

export const SCENARIO_STATUSES = ['draft', 'published', 'discarded'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** One patch of a scenario. The slug is its key: it matches the live patch it will replace. */
export interface ScenarioPatch {
	slug: string;
	name: string;
	geometry: AreaGeometry;
	/** The live patch it was copied from, if any (kept through edits, for publishing). */
	livePatchId: number | null;
}

/**
 * What one edit did: the patches it changed or removed as they were before, and as they are after
 * (changed or added). Undo puts `before` back; redo puts `after` back.
 */
export interface ScenarioChange {
	before: ScenarioPatch[];
	after: ScenarioPatch[];
}

/** An edit a council officer makes. */
export type ScenarioEdit =
	| { kind: 'move'; code: string; smallArea: AreaGeometry; to: string }
	| { kind: 'merge'; keep: string; absorb: string }
	| { kind: 'split'; slug: string; line: GeoJSON.LineString; newName: string }
	| { kind: 'draw'; name: string; geometry: AreaGeometry };

/** An applied edit, or why it could not be: plain words for the page. */
export type EditResult =
	{ ok: true; change: ScenarioChange; label: string } | { ok: false; message: string };
