/**
 * A what-if from the council page: finds the candidate's point (a postcode from the postcode table,
 * or the point given) and the patches it falls in, then runs the pure what-if. Reads only.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { listPatchIdsAtPoint } from '../staff/entry-patches';
import { pointIndex } from '../../domain/gaps/point-index';
import { areaMemberships, whatIf, type WhatIfResult } from '../../domain/gaps/what-if';
import { cachedGaps } from './cache';
import type { WhatIfRequest } from '../../domain/gaps/what-if-form';
import type { GapRun } from '.';

export type WhatIfOutcome =
	| { ok: true; point: [number, number]; patchNames: string[]; result: WhatIfResult }
	| { ok: false; errors: { where: string } };

export function runWhatIf(db: Db, run: GapRun, request: WhatIfRequest): WhatIfOutcome {
	let point = request.point;
	if (request.postcode) {
		const found = db
			.select({ lon: t.postcodes.lon, lat: t.postcodes.lat })
			.from(t.postcodes)
			.where(eq(t.postcodes.postcode, request.postcode))
			.get();
		if (!found) {
			return {
				ok: false,
				errors: {
					where: `${request.postcode} is not in the postcode list. Try a longitude and latitude.`
				}
			};
		}
		point = [found.lon, found.lat];
	}
	const at = point!;
	const known = new Set(run.inputs.patches.map((patch) => patch.id));
	const patchIds = listPatchIdsAtPoint(db, at).filter((id) => known.has(id));
	const result = whatIf(
		{
			candidate: {
				point: at,
				categoryIds: request.categoryIds,
				sessions: request.sessions,
				patchIds
			},
			areas: run.inputs.areas,
			areaIndex: cachedGaps(db, `area-index:${run.report.method.sizing}`, () =>
				pointIndex(run.inputs.areas.map((area) => area.point))
			),
			distances: run.report.distances,
			patches: run.inputs.patches,
			assets: run.inputs.assets,
			thresholdMetres: run.report.method.thresholdMetres
		},
		cachedGaps(db, `memberships:${run.report.method.sizing}`, () =>
			areaMemberships(run.inputs.patches, run.inputs.areas.length)
		)
	);
	return {
		ok: true,
		point: at,
		patchNames: run.inputs.patches.filter((p) => patchIds.includes(p.id)).map((p) => p.name),
		result
	};
}
