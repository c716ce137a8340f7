/** A short plain-text report of a generated demo borough, for the command line. */
import { BAND_LABELS } from '../domain/bands';
import type { DemoBorough } from './index';
import { staleCutoff } from '../domain/directory/freshness';
import { REFERENCE_DATE } from './sessions';

const n = (value: number) => value.toLocaleString('en-GB');

/** Lines describing people, small areas, patches with their bands, and assets by kind. */
export function formatSummary(borough: DemoBorough): string {
	const { summary, programme, assets, postcodes, users } = borough;
	const pops = borough.smallAreas.features.map((f) => f.properties.population);
	const width = Math.max(...summary.patches.map((p) => p.name.length));
	const kinds = ['venue', 'group', 'informal_support', 'service'] as const;
	const byKind = kinds.map((kind) => {
		const all = assets.filter((a) => a.kind === kind);
		const drafts = all.filter((a) => a.status === 'draft').length;
		const archived = all.filter((a) => a.status === 'archived').length;
		const extra = [drafts ? `${drafts} draft` : '', archived ? `${archived} archived` : '']
			.filter(Boolean)
			.join(', ');
		return `  ${kind.replace('_', ' ').padEnd(17)}${String(all.length).padStart(4)}${extra ? `  (${extra})` : ''}`;
	});
	const { limits } = programme;
	const informal = assets.filter((a) => a.kind === 'informal_support' && a.status === 'published');
	const shown = informal.filter((a) => a.consent?.public);
	const published = assets.filter((a) => a.status === 'published');
	const olderThan = (months: number) =>
		published.filter((a) => a.lastVerifiedOn! < staleCutoff(REFERENCE_DATE, months)).length;
	const suggestionKinds = ['new', 'change', 'closed'].map(
		(kind) => `${borough.suggestions.filter((s) => s.kind === kind).length} ${kind}`
	);
	return [
		`${programme.name}`,
		`  ${n(summary.people)} people in ${n(summary.smallAreas)} small areas (${n(Math.min(...pops))} to ${n(Math.max(...pops))} each)`,
		`Patches, by areal weighting (limits ${n(limits.smallMin)} / ${n(limits.usualMin)} / ${n(limits.usualMax)} / ${n(limits.max)}):`,
		...summary.patches.map(
			(p) =>
				`  ${p.name.padEnd(width)}  ${n(p.population).padStart(6)}  ${BAND_LABELS[p.band].toLowerCase()}  (${p.smallAreas} small areas` +
				(p.centroid !== p.population ? `; ${n(p.centroid)} by the centroid method)` : ')')
		),
		`  Street boundary: ${summary.street.patches[0]} and ${summary.street.patches[1]} meet along ${summary.street.name}, which cuts small areas (${summary.street.replacedCorners} small-area corners replaced)`,
		`  Overlap: ${summary.overlap.patches[0]} also covers ${summary.overlap.smallAreas} small areas of ${summary.overlap.patches[1]} (${n(summary.overlap.people)} people counted twice)`,
		`  In no patch: ${n(summary.uncovered.people)} people in ${summary.uncovered.smallAreas} small areas`,
		`Assets: ${n(assets.length)}`,
		...byKind,
		`  Published informal supports: ${shown.length} shown with consent (${shown.filter((a) => a.consent?.contactsPublic).length} with their contacts), ${informal.length - shown.length} private`,
		`  Published, last checked over 6 months ago: ${olderThan(6)}; over 12: ${olderThan(12)}; over 18: ${olderThan(18)} (before ${REFERENCE_DATE})`,
		`  Online or roaming, linked to patches: ${assets.filter((a) => a.linkedPatches).length}`,
		`Open suggestions: ${suggestionKinds.join(', ')}`,
		`Users: ${users.length} (${users.filter((u) => u.role === 'coordinator').length} coordinators; one venue all week: ${summary.singleVenueCoordinator})`,
		`Postcodes: ${n(postcodes.length)}`
	].join('\n');
}
