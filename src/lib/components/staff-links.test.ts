import { describe, expect, it } from 'vitest';
import { STAFF_LINKS, staffLinksFor } from './staff-links';

describe('staff links', () => {
	it('shows each role its own pages, and an admin every page', () => {
		expect(staffLinksFor('council').map((link) => link.href)).toContain('/council');
		expect(staffLinksFor('coordinator').map((link) => link.href)).not.toContain('/council');
		expect(staffLinksFor('admin')).toEqual(STAFF_LINKS);
		// Everyone's home first: coordinators, council and admins alike.
		for (const role of ['coordinator', 'council', 'admin'] as const) {
			expect(staffLinksFor(role)[0]).toMatchObject({ href: '/staff', label: 'Your work' });
		}
	});

	it('offers the connection finder to coordinators and council', () => {
		for (const role of ['coordinator', 'council', 'admin'] as const) {
			expect(staffLinksFor(role).map((link) => link.href)).toContain('/staff/finder');
		}
	});

	it('offers "Add an entry" to coordinators and council', () => {
		for (const role of ['coordinator', 'council', 'admin'] as const) {
			expect(staffLinksFor(role)).toContainEqual(
				expect.objectContaining({ href: '/entries/new', label: 'Add an entry' })
			);
		}
	});

	it('gives council the audit log, and users to admins only', () => {
		const hrefs = (role: 'coordinator' | 'council' | 'admin') =>
			staffLinksFor(role).map((link) => link.href);
		expect(hrefs('council')).toEqual([
			'/staff',
			'/staff/finder',
			'/entries/new',
			'/council',
			'/audit',
			'/staff/connections'
		]);
		expect(hrefs('coordinator')).not.toContain('/admin/users');
		expect(hrefs('council')).not.toContain('/admin/users');
		expect(hrefs('admin')).toEqual(expect.arrayContaining(['/audit', '/admin/users']));
	});
});
