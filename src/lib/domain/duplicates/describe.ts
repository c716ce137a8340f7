/**
 * A mergeable field's value in plain words, so two entries can be compared side by side.
 */
import { ACCESSIBILITY_FEATURES, COST_LABELS, LANGUAGE_NAMES } from '../vocabulary';
import { describeSession, type SessionRule } from '../sessions';
import type { MergeField } from './merge';

const NOTHING = 'Not given';

interface Where {
	locationKind: string;
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	linkedPatchIds?: number[];
}

/**
 * Lines describing one field's value ([NOTHING] when empty).
 * @example describeMergeValue('languages', ['en', 'pl'], new Map()) // ['English', 'Polish']
 */
export function describeMergeValue(
	field: MergeField,
	value: unknown,
	categoryNames: ReadonlyMap<string, string>
): string[] {
	const lines = linesFor(field, value, categoryNames).filter((line) => line.trim() !== '');
	return lines.length > 0 ? lines : [NOTHING];
}

function linesFor(
	field: MergeField,
	value: unknown,
	categoryNames: ReadonlyMap<string, string>
): string[] {
	switch (field) {
		case 'where': {
			const where = value as Where;
			if (where.locationKind === 'online') return ['Online'];
			if (where.locationKind === 'roaming') return ['No fixed place'];
			const place = [where.address, where.postcode].filter(Boolean).join(', ');
			const point =
				where.lon !== null && where.lat !== null
					? `Map point ${where.lat.toFixed(5)}, ${where.lon.toFixed(5)}`
					: '';
			return [place, point];
		}
		case 'categories':
			return (value as string[]).map((id) => categoryNames.get(id) ?? id);
		case 'sessions':
			return (value as (SessionRule & { note?: string | null })[]).map(
				(session) => describeSession(session) + (session.note ? ` (${session.note})` : '')
			);
		case 'contacts':
			return (
				value as { kind: string; label: string | null; value: string; visibility: string }[]
			).map(
				(contact) =>
					`${contact.label ? `${contact.label}: ` : ''}${contact.value}` +
					(contact.visibility === 'coordinators' ? ' (coordinators only)' : '')
			);
		case 'accessibility':
			return (value as string[]).map(
				(code) => ACCESSIBILITY_FEATURES[code as keyof typeof ACCESSIBILITY_FEATURES] ?? code
			);
		case 'languages':
			return (value as string[]).map((code) => LANGUAGE_NAMES[code] ?? code);
		case 'ages': {
			const ages = value as { min: number | null; max: number | null; familyFriendly: boolean };
			const range =
				ages.min !== null && ages.max !== null
					? `Ages ${ages.min} to ${ages.max}`
					: ages.min !== null
						? `Ages ${ages.min} and over`
						: ages.max !== null
							? `Ages up to ${ages.max}`
							: 'All ages';
			return [range, ages.familyFriendly ? 'Family-friendly' : ''];
		}
		case 'cost': {
			const cost = value as { cost: keyof typeof COST_LABELS | null; detail: string | null };
			return [cost.cost ? COST_LABELS[cost.cost] : '', cost.detail ?? ''];
		}
		default:
			return [typeof value === 'string' ? value : ''];
	}
}
