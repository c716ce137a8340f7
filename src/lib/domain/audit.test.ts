import { describe, expect, it } from 'vitest';
import {
	actionLabel,
	auditRowsToCsv,
	changedFields,
	describeValue,
	fieldLabel,
	viewDetail
} from './audit';

describe('changedFields', () => {
	it('lists only the fields that changed, each with both values in words', () => {
		expect(
			changedFields(
				{ role: 'coordinator', patches: ['Aldermoor'], disabled: false },
				{ role: 'coordinator', patches: ['Aldermoor', 'Starling Bank'], disabled: true }
			)
		).toEqual([
			{
				field: 'patches',
				label: 'Patches',
				before: 'Aldermoor',
				after: 'Aldermoor, Starling Bank'
			},
			{ field: 'disabled', label: 'Disabled', before: 'No', after: 'Yes' }
		]);
	});

	it('shows a created record as every field from nothing, and a removed one the other way', () => {
		expect(changedFields(null, { displayName: 'Sam Jones', patches: [] })).toEqual([
			{ field: 'displayName', label: 'Name', before: '(none)', after: 'Sam Jones' }
		]);
		expect(changedFields({ startTime: '10:00' }, null)).toEqual([
			{ field: 'startTime', label: 'Starts', before: '10:00', after: '(none)' }
		]);
	});

	it('names roles as people say them', () => {
		expect(changedFields({ role: 'council' }, { role: 'admin' })).toEqual([
			{ field: 'role', label: 'Role', before: 'Council or programme lead', after: 'Administrator' }
		]);
	});

	it('compares lists and objects by value, not by identity', () => {
		expect(changedFields({ a: [1, 2], b: { x: 1 } }, { a: [1, 2], b: { x: 1 } })).toEqual([]);
	});
});

describe('words', () => {
	it('names actions, known ones by name and others from their code', () => {
		expect(actionLabel('user.disabled')).toBe('Disabled an account');
		expect(actionLabel('entry.still_true')).toBe('Entry: still true');
		expect(actionLabel('cleanup')).toBe('Cleanup');
	});

	it('names fields', () => {
		expect(fieldLabel('lastVerifiedOn')).toBe('Last verified on');
		expect(fieldLabel('archived_reason')).toBe('Archived reason');
		expect(fieldLabel('displayName')).toBe('Name');
	});

	it('writes values', () => {
		expect(describeValue(null)).toBe('(none)');
		expect(describeValue('')).toBe('(none)');
		expect(describeValue([])).toBe('(none)');
		expect(describeValue(true)).toBe('Yes');
		expect(describeValue(12345)).toBe('12,345');
		expect(
			describeValue([
				[1, 2],
				[3, 4]
			])
		).toBe('2 items');
	});
});

describe('viewDetail', () => {
	it('keeps patch ids out of sight and shows other details of rows without before and after', () => {
		expect(viewDetail({ patchIds: [3], via: 'sign-in link', note: 'Every session ended' })).toEqual(
			{
				changes: [],
				note: 'Every session ended',
				other: [{ label: 'Via', value: 'sign-in link' }]
			}
		);
		expect(viewDetail(null)).toEqual({ changes: [], note: null, other: [] });
	});
});

describe('auditRowsToCsv', () => {
	it('writes one line per row with the changes in words, and never lets a cell run as a formula', () => {
		const csv = auditRowsToCsv([
			{
				at: '2026-07-01T09:30:00.000Z',
				userName: '=HYPERLINK("http://evil.example","Click")',
				userId: 2,
				action: 'user.access_changed',
				entity: 'user',
				entityId: '7',
				detail: {
					patchIds: [1],
					before: { role: 'coordinator', patches: ['+Aldermoor'] },
					after: { role: 'council', patches: [] }
				}
			}
		]);
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe(
			'When (UTC),When (London),Who,Action,Record,Record id,Changes,Note,Other details'
		);
		expect(lines[1]).toBe(
			`2026-07-01T09:30:00.000Z,1 July 2026 at 10:30,"'=HYPERLINK(""http://evil.example"",""Click"")",Changed role or patches,User,7,Role: Local area coordinator → Council or programme lead; Patches: +Aldermoor → (none),,`
		);
	});

	it('neutralises a change that starts with a formula character', () => {
		const csv = auditRowsToCsv([
			{
				at: '2026-07-01T09:30:00.000Z',
				userName: 'Sam',
				userId: 2,
				action: 'entry.updated',
				entity: 'entry',
				entityId: '@SUM(A1)',
				detail: { before: { name: 'a' }, after: { name: '=1+1' } }
			}
		]);
		expect(csv).toContain(",'@SUM(A1),");
		expect(csv).not.toMatch(/,[=+\-@]/);
	});
});
