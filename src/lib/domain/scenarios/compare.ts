/**
 * A scenario side by side with the published patches: each patch's population before and after,
 * and the people who would change patch. Works from two programme checks of the sizing engine
 * (checkProgramme with withShares), whose patch ids are the patches' slugs, so a scenario patch is
 * compared with the live patch of the same slug.
 */
import type { ProgrammeCheck } from '../sizing/types';

export interface PatchComparison {
	slug: string;
	name: string;
	/** People in the published patch, null when the scenario adds it. */
	published: number | null;
	/** People in the scenario's patch, null when the scenario removes it. */
	scenario: number | null;
	/** scenario − published (a removed patch loses all, a new one gains all). */
	change: number;
	/** People now in this patch who would be in another patch, or in none. */
	leaving: number;
	/** People who would join this patch from another patch, or from none. */
	joining: number;
	status: 'kept' | 'added' | 'removed';
}

export interface ScenarioComparison {
	patches: PatchComparison[];
	/** People whose patch would change (counted once, from the patch they leave or from none). */
	changingPatch: number;
	/** People in no patch now, and in the scenario. */
	uncovered: { published: number; scenario: number };
}

/** People of each small area by patch slug, from a check made with withShares. */
function peopleByArea(check: ProgrammeCheck): Map<string, Map<string, number>> {
	const byArea = new Map<string, Map<string, number>>();
	for (const patch of check.patches) {
		for (const share of patch.shares ?? []) {
			let here = byArea.get(share.code);
			if (!here) byArea.set(share.code, (here = new Map()));
			here.set(String(patch.id), (here.get(String(patch.id)) ?? 0) + share.people);
		}
	}
	return byArea;
}

/**
 * Compares a scenario with the published patches.
 * @param published the live patches' check (ids are slugs), with shares
 * @param scenario the scenario's check (ids are slugs), with shares
 */
export function compareWithPublished(
	published: ProgrammeCheck,
	scenario: ProgrammeCheck
): ScenarioComparison {
	const before = peopleByArea(published);
	const after = peopleByArea(scenario);
	const leaving = new Map<string, number>();
	const joining = new Map<string, number>();
	let changingPatch = 0;
	const noneKey = '\u0000none';
	const total = (m: Map<string, number> | undefined) =>
		[...(m?.values() ?? [])].reduce((a, b) => a + b, 0);
	for (const code of new Set([...before.keys(), ...after.keys()])) {
		const was = new Map(before.get(code) ?? []);
		const now = new Map(after.get(code) ?? []);
		// People of the area in no patch (only the covered share is known per patch): the rest.
		const gap = Math.max(0, total(was) - total(now));
		if (gap > 0) now.set(noneKey, (now.get(noneKey) ?? 0) + gap);
		const gain = Math.max(0, total(now) - total(was));
		if (gain > 0) was.set(noneKey, (was.get(noneKey) ?? 0) + gain);
		for (const slug of new Set([...was.keys(), ...now.keys()])) {
			const diff = (now.get(slug) ?? 0) - (was.get(slug) ?? 0);
			if (diff < 0 && slug !== noneKey) leaving.set(slug, (leaving.get(slug) ?? 0) - diff);
			if (diff > 0 && slug !== noneKey) joining.set(slug, (joining.get(slug) ?? 0) + diff);
			if (diff < 0) changingPatch -= diff;
		}
	}
	const rows = new Map<string, PatchComparison>();
	const row = (slug: string, name: string): PatchComparison => ({
		slug,
		name,
		published: null,
		scenario: null,
		change: 0,
		leaving: leaving.get(slug) ?? 0,
		joining: joining.get(slug) ?? 0,
		status: 'kept'
	});
	for (const p of published.patches) {
		const r = row(String(p.id), p.name);
		r.published = p.population;
		rows.set(r.slug, r);
	}
	for (const p of scenario.patches) {
		const r = rows.get(String(p.id)) ?? row(String(p.id), p.name);
		r.name = p.name;
		r.scenario = p.population;
		rows.set(r.slug, r);
	}
	for (const r of rows.values()) {
		r.change = (r.scenario ?? 0) - (r.published ?? 0);
		r.status = r.published === null ? 'added' : r.scenario === null ? 'removed' : 'kept';
	}
	return {
		patches: [...rows.values()],
		changingPatch,
		uncovered: { published: published.totals.uncovered, scenario: scenario.totals.uncovered }
	};
}
