/**
 * The what-if form at the edge: where the candidate is (a postcode, or a longitude and latitude), its
 * categories, and optionally one session. Every problem is named by field, GOV.UK style.
 */
import { z } from 'zod';
import { normalisePostcode } from '../postcode';
import { sessionRuleSchema } from '../session-rule-schema';
import type { SessionRule } from '../sessions';
import { SESSION_FREQUENCIES } from '../vocabulary';
import { addDays } from '../whats-on';

export interface WhatIfRequest {
	/** A normalised postcode to look up, or null when a point was given. */
	postcode: string | null;
	point: [number, number] | null;
	categoryIds: string[];
	sessions: SessionRule[];
}

export type WhatIfErrors = Partial<Record<'where' | 'categories' | 'session', string>>;

const blank = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const coordinate = (max: number) => z.coerce.number().min(-max).max(max);

/**
 * Reads the form.
 * @example parseWhatIfForm(form) // { ok: true, request: { postcode: 'FV1 2AB', … } }
 */
export function parseWhatIfForm(
	form: FormData,
	categoryIds: readonly string[]
): { ok: true; request: WhatIfRequest } | { ok: false; errors: WhatIfErrors } {
	const errors: WhatIfErrors = {};
	const postcodeText = blank(form.get('postcode'));
	const lonText = blank(form.get('lon'));
	const latText = blank(form.get('lat'));
	let postcode: string | null = null;
	let point: [number, number] | null = null;
	if (postcodeText) {
		postcode = normalisePostcode(postcodeText);
		if (!postcode) errors.where = `"${postcodeText.slice(0, 12)}" is not a postcode, like FV1 2AB`;
	} else if (lonText || latText) {
		const lon = coordinate(180).safeParse(lonText);
		const lat = coordinate(90).safeParse(latText);
		if (lon.success && lat.success) point = [lon.data, lat.data];
		else
			errors.where =
				'Enter a longitude (-180 to 180) and a latitude (-90 to 90), like -2.31 and 53.42';
	} else {
		errors.where = 'Enter a postcode, or a longitude and latitude';
	}
	const chosen = form.getAll('categories').filter((v): v is string => typeof v === 'string');
	const known = chosen.filter((id) => categoryIds.includes(id));
	if (known.length === 0) errors.categories = 'Choose at least one category';
	else if (known.length !== chosen.length) errors.categories = 'Choose categories from the list';

	const sessions: SessionRule[] = [];
	const weekday = blank(form.get('weekday'));
	if (weekday) {
		const frequency = blank(form.get('frequency')) ?? 'weekly';
		const parsed = sessionRuleSchema.safeParse({
			frequency: (SESSION_FREQUENCIES as readonly string[]).includes(frequency)
				? frequency
				: 'weekly',
			weekday,
			weekOfMonth: frequency === 'monthly' ? 1 : null,
			// Which fortnight does not change a time-of-week slot: any date on that weekday will do.
			anchorDate: frequency === 'fortnightly' ? addDays('2026-01-05', Number(weekday) - 1) : null,
			startTime: blank(form.get('start')) ?? '',
			endTime: blank(form.get('end')) ?? ''
		});
		if (parsed.success) sessions.push(parsed.data);
		else
			errors.session = 'Enter a start and end time like 18:00 and 20:00, the end after the start';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, request: { postcode, point, categoryIds: [...new Set(known)], sessions } };
}
