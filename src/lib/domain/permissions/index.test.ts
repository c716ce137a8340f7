import { describe, expect, it } from 'vitest';
import { auditScope, canEditEntry, canEditPresenceOf, canManageUsers, type Actor } from './index';

const coordinatorOfP: Actor = { id: 10, role: 'coordinator', patchIds: [1] };
const coordinatorElsewhere: Actor = { id: 11, role: 'coordinator', patchIds: [2] };
const coordinatorWithoutPatch: Actor = { id: 12, role: 'coordinator', patchIds: [] };
const council: Actor = { id: 20, role: 'council', patchIds: [] };
const admin: Actor = { id: 30, role: 'admin', patchIds: [] };

describe('entries', () => {
	it('lets a coordinator edit in their patch, including where patches overlap', () => {
		expect(canEditEntry(coordinatorOfP, [1])).toBe(true);
		expect(canEditEntry(coordinatorOfP, [2, 1])).toBe(true);
	});

	it('refuses a coordinator of another patch, and one with no patch', () => {
		expect(canEditEntry(coordinatorElsewhere, [1])).toBe(false);
		expect(canEditEntry(coordinatorWithoutPatch, [1])).toBe(false);
		// An entry in no patch at all is the council's to keep.
		expect(canEditEntry(coordinatorOfP, [])).toBe(false);
	});

	it('lets council and admin edit anywhere, even outside every patch', () => {
		for (const actor of [council, admin]) {
			expect(canEditEntry(actor, [1])).toBe(true);
			expect(canEditEntry(actor, [])).toBe(true);
		}
	});
});

describe('presence', () => {
	it('is the coordinator’s own, or any for an admin; never the council’s', () => {
		expect(canEditPresenceOf(coordinatorOfP, 10)).toBe(true);
		expect(canEditPresenceOf(coordinatorOfP, 11)).toBe(false);
		expect(canEditPresenceOf(council, 10)).toBe(false);
		expect(canEditPresenceOf(admin, 10)).toBe(true);
	});
});

describe('users and audit', () => {
	it('lets only an admin manage users', () => {
		expect([coordinatorOfP, council, admin].map(canManageUsers)).toEqual([false, false, true]);
	});

	it('shows a coordinator the audit of their own patches, council and admin everything', () => {
		expect(auditScope(coordinatorOfP)).toEqual([1]);
		expect(auditScope(council)).toBeNull();
		expect(auditScope(admin)).toBeNull();
	});
});
