/**
 * The connections log as people read it: counts by patch × theme × month, with small numbers hidden
 * where they could point to someone. Exact counts are shown only for the viewer's own patches;
 * elsewhere a count of 1 to 4 reads "fewer than 5".
 */
import { z } from 'zod';
import { toCsv } from '../exchange/export/csv-write';
import { formatNumber } from '../format';
import { CONNECTION_KINDS, type ConnectionKind } from '../vocabulary';

export const SMALL_COUNT_LIMIT = 5;
export const FEWER_THAN_5 = 'fewer than 5';

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
	connected: 'Connected',
	nothing_suitable: 'Nothing suitable found'
};

/** One group of the log, counted. */
export interface ConnectionCount {
	patchId: number | null;
	patchName: string | null;
	theme: string | null;
	themeName: string | null;
	/** 'YYYY-MM'. */
	month: string;
	kind: ConnectionKind;
	count: number;
}

/** A count as shown: the number in the viewer's own patches, "fewer than 5" for 1-4 elsewhere. */
export function shownCount(count: number, own: boolean): string {
	if (!own && count > 0 && count < SMALL_COUNT_LIMIT) return FEWER_THAN_5;
	return formatNumber(count);
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** @example monthLabel('2026-11') // 'November 2026' */
export const monthLabel = (month: string): string =>
	`${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export interface CountRow {
	patch: string;
	theme: string;
	month: string;
	kind: string;
	count: string;
}

/** The rows of the table and the CSV, newest month first, then patch, theme and kind. */
export function countRows(
	counts: readonly ConnectionCount[],
	ownPatchIds: readonly number[]
): CountRow[] {
	return [...counts]
		.sort(
			(a, b) =>
				b.month.localeCompare(a.month) ||
				(a.patchName ?? '').localeCompare(b.patchName ?? '') ||
				(a.themeName ?? '').localeCompare(b.themeName ?? '') ||
				CONNECTION_KINDS.indexOf(a.kind) - CONNECTION_KINDS.indexOf(b.kind)
		)
		.map((c) => ({
			patch: c.patchName ?? 'No patch',
			theme: c.themeName ?? 'No theme',
			month: monthLabel(c.month),
			kind: CONNECTION_KIND_LABELS[c.kind],
			count: shownCount(c.count, c.patchId !== null && ownPatchIds.includes(c.patchId))
		}));
}

/** The same rows as a CSV that spreadsheets open safely (formula-like names neutralised). */
export function countsCsv(rows: readonly CountRow[]): string {
	return toCsv(
		['patch', 'theme', 'month', 'outcome', 'count'],
		rows.map((r) => [r.patch, r.theme, r.month, r.kind, r.count])
	);
}

/** A "Connected" click: the entry and the theme, nothing about the person. */
export const connectedFormSchema = z.object({
	assetId: z.coerce.number().int().positive(),
	theme: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
		.max(80)
		.nullable()
		.catch(null),
	patchId: z.coerce.number().int().positive().nullable().catch(null)
});

/** "Nothing suitable found": the themes searched, nothing else. */
export const nothingSuitableFormSchema = z.object({
	themes: z
		.array(
			z
				.string()
				.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
				.max(80)
		)
		.max(20),
	patchId: z.coerce.number().int().positive().nullable().catch(null)
});

export const undoFormSchema = z.object({ id: z.coerce.number().int().positive() });
