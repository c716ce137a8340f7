/**
 * The audit log in plain words: what an action was, and for a change, each field that changed with its
 * value before and after. Pure: the audit page and its CSV both use it.
 */
import { toCsv } from './exchange/export/csv-write';
import { formatDateTime } from './format';
import { ROLE_LABELS, type Role } from './vocabulary';

/** The kinds of thing the audit log is filtered by, with their names. */
export const AUDIT_ENTITIES = {
	entry: 'Entries',
	suggestion: 'Suggestions',
	patch: 'Patches',
	user: 'Users',
	programme: 'Programme settings',
	presence: 'Coordinators’ times at venues'
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

const ACTIONS: Record<string, string> = {
	'user.created': 'Created an account',
	'user.access_changed': 'Changed role or patches',
	'user.disabled': 'Disabled an account',
	'user.enabled': 'Enabled an account',
	'user.password_reset': 'Reset a password',
	'user.password_set': 'Set a password',
	'user.signed_in': 'Signed in',
	'user.signed_out': 'Signed out',
	'user.sign_in_failed': 'Sign-in refused',
	'presence.added': 'Added a time at a venue',
	'presence.removed': 'Removed a time at a venue',
	'patch.created': 'Drew a new patch',
	'patch.boundary_updated': 'Changed a patch boundary',
	'import.assets': 'Imported entries'
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An action in words.
 * @example actionLabel('user.disabled') // 'Disabled an account'
 * @example actionLabel('entry.still_true') // 'Entry: still true'
 */
export function actionLabel(action: string): string {
	const known = ACTIONS[action];
	if (known) return known;
	const [thing, ...rest] = action.split('.');
	const words = (text: string) => text.replace(/[_-]+/g, ' ').trim();
	return rest.length
		? `${sentence(words(thing))}: ${words(rest.join(' '))}`
		: sentence(words(thing));
}

const FIELD_LABELS: Record<string, string> = {
	displayName: 'Name',
	email: 'Email address',
	firstSignIn: 'First sign-in',
	onDate: 'Date',
	startTime: 'Starts',
	endTime: 'Ends',
	weekday: 'Day',
	nameCy: 'Name in Welsh',
	descriptionCy: 'Description in Welsh'
};

/**
 * A field's name in words: known ones by name, others from camelCase or snake_case.
 * @example fieldLabel('lastVerifiedOn') // 'Last verified on'
 */
export function fieldLabel(key: string): string {
	if (FIELD_LABELS[key]) return FIELD_LABELS[key];
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_-]+/g, ' ')
		.toLowerCase()
		.trim();
	return sentence(words);
}

/**
 * A stored value in words: nothing as "(none)", true and false as Yes and No, lists joined.
 * @example describeValue(['Aldermoor', 'Starling Bank']) // 'Aldermoor, Starling Bank'
 */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined || value === '') return '(none)';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'number') return Number.isFinite(value) ? value.toLocaleString('en-GB') : '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) {
		if (value.length === 0) return '(none)';
		if (value.every((item) => item === null || typeof item !== 'object')) {
			return value.map(describeValue).join(', ');
		}
		return `${value.length.toLocaleString('en-GB')} items`;
	}
	return JSON.stringify(value);
}

/** A field's value in words: a role by its name, anything else as describeValue does. */
export function describeField(key: string, value: unknown): string {
	if (key === 'role' && typeof value === 'string' && Object.hasOwn(ROLE_LABELS, value)) {
		return ROLE_LABELS[value as Role];
	}
	return describeValue(value);
}

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
}

type Fields = Record<string, unknown> | null | undefined;

const isEmpty = (value: unknown) =>
	value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
const same = (a: unknown, b: unknown) =>
	(isEmpty(a) && isEmpty(b)) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between a record before and after a change, in the order they first appear,
 * each with both values in words. A record created has no "before"; one removed has no "after".
 * @example changedFields({ role: 'council', disabled: false }, { role: 'admin', disabled: false })
 * // [{ field: 'role', label: 'Role', before: 'council', after: 'admin' }]
 */
export function changedFields(before: Fields, after: Fields): FieldChange[] {
	const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
	return keys
		.filter((key) => !same(before?.[key], after?.[key]))
		.map((key) => ({
			field: key,
			label: fieldLabel(key),
			before: describeField(key, before?.[key]),
			after: describeField(key, after?.[key])
		}));
}

/** What is worth showing of an audit row: its changes, its note, and any other details. */
export interface AuditDetailView {
	changes: FieldChange[];
	note: string | null;
	/** Details of rows written without before and after (imports, sign-ins), in words. */
	other: { label: string; value: string }[];
}

/** The parts of a stored `detail` a person reads (patchIds are for scoping, not for reading). */
export function viewDetail(detail: Record<string, unknown> | null | undefined): AuditDetailView {
	const d = detail ?? {};
	const hasChange = 'before' in d || 'after' in d;
	const changes = hasChange ? changedFields(d.before as Fields, d.after as Fields) : [];
	const other = Object.entries(d)
		.filter(([key]) => !['before', 'after', 'note', 'patchIds'].includes(key))
		.map(([key, value]) => ({ label: fieldLabel(key), value: describeValue(value) }));
	return { changes, note: typeof d.note === 'string' ? d.note : null, other };
}

/** An audit row as the page and the CSV read it. */
export interface AuditRowLike {
	at: string;
	userName: string | null;
	userId: number | null;
	action: string;
	entity: string;
	entityId: string | null;
	detail: Record<string, unknown> | null;
}

/** Who acted, in words: a person's name, or the system (a job, an emailed link, the command line). */
export function actorName(row: Pick<AuditRowLike, 'userName' | 'userId'>): string {
	if (row.userName) return row.userName;
	return row.userId === null ? 'Patchwork (no person)' : 'A deleted user';
}

/** A kind of record in words. */
export function entityLabel(entity: string): string {
	const names: Record<string, string> = {
		entry: 'Entry',
		suggestion: 'Suggestion',
		patch: 'Patch',
		user: 'User',
		programme: 'Programme',
		presence: 'Time at a venue',
		asset_import_run: 'Import'
	};
	return names[entity] ?? fieldLabel(entity);
}

/**
 * The audit rows as a CSV file, one line per row, the changes written out ("Role: council → admin").
 * Text that could run as a spreadsheet formula is neutralised (toCsv).
 */
export function auditRowsToCsv(rows: readonly AuditRowLike[]): string {
	return toCsv(
		[
			'When (UTC)',
			'When (London)',
			'Who',
			'Action',
			'Record',
			'Record id',
			'Changes',
			'Note',
			'Other details'
		],
		rows.map((row) => {
			const view = viewDetail(row.detail);
			return [
				row.at,
				formatDateTime(row.at),
				actorName(row),
				actionLabel(row.action),
				entityLabel(row.entity),
				row.entityId,
				view.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join('; '),
				view.note,
				view.other.map((o) => `${o.label}: ${o.value}`).join('; ')
			];
		})
	);
}
