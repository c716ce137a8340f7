/**
 * What the scenario page shows: its figures as plain rows (every patch's people, band, overlaps and
 * problems beside the published figure), the totals, the map's shapes and the small areas to move.
 */
import { BAND_LABELS } from '$lib/domain/bands';
import { formatNumber } from '$lib/domain/format';
import type { AreaCollection } from '$lib/map/types';
import { describeProblem } from '$lib/components/sizing/estimate-text';
import type { Db } from '$lib/server/db';
import { figuresForScenario, liveChangesSince, type Scenario } from '$lib/server/scenarios';
import { undoRedoTargets } from '$lib/domain/scenarios';

const round = (n: number) => Math.round(n);

export function scenarioPageData(db: Db, scenario: Scenario) {
	const figures = figuresForScenario(db, scenario.programmeId, scenario.patches);
	const targets = undoRedoTargets(scenario.edits);
	const label = (id: number | null) => scenario.edits.find((e) => e.id === id)?.label ?? null;
	const base = {
		scenario: {
			id: scenario.id,
			name: scenario.name,
			status: scenario.status,
			createdAt: scenario.createdAt,
			closedAt: scenario.closedAt
		},
		/** Live patches changed since the copy: publishing asks to confirm overwriting them. */
		liveChanges:
			scenario.status === 'draft'
				? liveChangesSince(db, scenario).map(({ name, kind, updatedAt }) => ({
						name,
						kind,
						updatedAt
					}))
				: [],
		undo: label(targets.undo),
		redo: label(targets.redo),
		patchChoices: scenario.patches.map((p) => ({ value: p.slug, label: p.name }))
	};
	if (!figures) return { ...base, figures: null };

	const { check, comparison, context, smallAreas } = figures;
	const compared = new Map(comparison.patches.map((r) => [r.slug, r]));
	const rows = check.patches.map((p) => {
		const c = compared.get(String(p.id))!;
		return {
			slug: String(p.id),
			name: p.name,
			people: round(p.population),
			published: c.published === null ? null : round(c.published),
			change: round(c.change),
			leaving: round(c.leaving),
			joining: round(c.joining),
			areaKm2: p.areaKm2,
			band: p.band,
			bandLabel: BAND_LABELS[p.band],
			guidance: p.guidance.message,
			overlapPeople: round(p.overlapPeople),
			overlapsWith: p.overlapsWith.map((o) => `${o.name} (${formatNumber(round(o.people))})`),
			problems: p.problems.map(describeProblem)
		};
	});
	const removed = comparison.patches
		.filter((r) => r.status === 'removed')
		.map((r) => ({ name: r.name, published: round(r.published ?? 0) }));

	// Each small area's patch in the scenario: the one holding most of its people.
	const home = new Map<string, { name: string; people: number }>();
	for (const p of check.patches) {
		for (const share of p.shares ?? []) {
			const best = home.get(share.code);
			if (!best || share.people > best.people)
				home.set(share.code, { name: p.name, people: share.people });
		}
	}
	const smallAreaChoices = (smallAreas ?? []).map(({ code }) => ({
		value: code,
		label: `${code} – ${home.get(code)?.name ?? 'in no patch'}`
	}));

	const areas: AreaCollection = {
		type: 'FeatureCollection',
		features: scenario.patches.map((p) => ({
			type: 'Feature',
			id: p.slug,
			geometry: p.geometry,
			properties: {
				id: p.slug,
				name: p.name,
				band: check.patches.find((e) => e.id === p.slug)?.band
			}
		}))
	};
	const outlines: AreaCollection | null = smallAreas && {
		type: 'FeatureCollection',
		features: smallAreas.map(({ code, geometry }) => ({
			type: 'Feature',
			geometry,
			properties: { id: code, name: code }
		}))
	};

	return {
		...base,
		figures: {
			populationSet: context.populationSet,
			limits: context.limits,
			rows,
			removed,
			totals: check.totals,
			overlaps: check.overlaps.map(({ aName, bName, people }) => ({
				aName,
				bName,
				people: round(people)
			})),
			uncoveredAreas: check.uncoveredAreas.length,
			changingPatch: round(comparison.changingPatch),
			uncovered: {
				published: round(comparison.uncovered.published),
				scenario: round(comparison.uncovered.scenario)
			},
			areas,
			outlines,
			smallAreaChoices
		}
	};
}
