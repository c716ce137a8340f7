/**
 * Applying one edit to a scenario's patches: move a small area to a patch, merge two patches, split
 * one along a line, or draw a new one. Pure: the patches in, what changed out (see ./history.ts).
 */
import { slugify } from '../import/slug';
import { cutAway, joinShapes, splitShape } from './shapes';
import type { EditResult, ScenarioChange, ScenarioEdit, ScenarioPatch } from './types';

const refuse = (message: string): EditResult => ({ ok: false, message });

/**
 * A slug for a new patch that no patch of the scenario has yet.
 * @example freeSlug('Riverside', [{ slug: 'riverside' }]) // 'riverside-2'
 */
export function freeSlug(name: string, patches: readonly Pick<ScenarioPatch, 'slug'>[]): string {
	const taken = new Set(patches.map((p) => p.slug));
	const base = slugify(name) || 'patch';
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Applies an edit.
 * @param patches the scenario's patches now
 * @returns the change (patches before and after) and a label, or a message saying why not
 */
export function applyEdit(patches: readonly ScenarioPatch[], edit: ScenarioEdit): EditResult {
	const bySlug = new Map(patches.map((p) => [p.slug, p]));
	switch (edit.kind) {
		case 'move': {
			const to = bySlug.get(edit.to);
			if (!to) return refuse('Choose a patch of this scenario to move the small area to');
			const change: ScenarioChange = { before: [], after: [] };
			for (const patch of patches) {
				if (patch.slug === to.slug) continue;
				const rest = cutAway(patch.geometry, edit.smallArea);
				if (rest === patch.geometry) continue;
				if (!rest) {
					return refuse(
						`Moving ${edit.code} would leave ${patch.name} with nothing: merge the two patches instead`
					);
				}
				change.before.push(patch);
				change.after.push({ ...patch, geometry: rest });
			}
			change.before.push(to);
			change.after.push({ ...to, geometry: joinShapes(to.geometry, edit.smallArea) });
			return { ok: true, change, label: `Moved ${edit.code} to ${to.name}` };
		}
		case 'merge': {
			const keep = bySlug.get(edit.keep);
			const absorb = bySlug.get(edit.absorb);
			if (!keep || !absorb) return refuse('Choose two patches of this scenario to merge');
			if (keep.slug === absorb.slug) return refuse('Choose two different patches to merge');
			return {
				ok: true,
				change: {
					before: [keep, absorb],
					after: [{ ...keep, geometry: joinShapes(keep.geometry, absorb.geometry) }]
				},
				label: `Merged ${absorb.name} into ${keep.name}`
			};
		}
		case 'split': {
			const patch = bySlug.get(edit.slug);
			if (!patch) return refuse('Choose a patch of this scenario to split');
			const name = edit.newName.trim();
			if (!name) return refuse('Give the new patch a name');
			const sides = splitShape(patch.geometry, edit.line);
			if (!sides) {
				return refuse(
					`The line does not cut ${patch.name} in two: draw it from outside the patch, across it, to outside again, without turning back on itself`
				);
			}
			const added: ScenarioPatch = {
				slug: freeSlug(name, patches),
				name,
				geometry: sides.right,
				livePatchId: null
			};
			return {
				ok: true,
				change: { before: [patch], after: [{ ...patch, geometry: sides.left }, added] },
				label: `Split ${patch.name}, making ${name}`
			};
		}
		case 'draw': {
			const name = edit.name.trim();
			if (!name) return refuse('Give the new patch a name');
			const added: ScenarioPatch = {
				slug: freeSlug(name, patches),
				name,
				geometry: edit.geometry,
				livePatchId: null
			};
			return { ok: true, change: { before: [], after: [added] }, label: `Drew ${name}` };
		}
	}
}
