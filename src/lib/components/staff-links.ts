/**
 * The staff pages in the site's navigation, by role (admins see every role's). Staff pages are in
 * English only for now. Add a page here when it is one a role uses daily; others hang off these.
 */
import type { Role } from '$lib/domain/vocabulary';

export interface StaffLink {
	href: string;
	label: string;
	/** The roles it is for; admin sees every link. */
	roles: readonly Role[];
}

export const STAFF_LINKS: readonly StaffLink[] = [
	{ href: '/staff', label: 'Your work', roles: ['coordinator', 'council'] },
	{ href: '/staff/finder', label: 'Find connections', roles: ['coordinator', 'council'] },
	{ href: '/entries/new', label: 'Add an entry', roles: ['coordinator', 'council'] },
	{ href: '/council', label: 'Council pages', roles: ['council'] },
	{ href: '/audit', label: 'Audit log', roles: ['council'] },
	{ href: '/staff/connections', label: 'Connections log', roles: ['council'] },
	// Admin only: admins see every link.
	{ href: '/admin/users', label: 'Users', roles: [] }
];

/** The links a signed-in role sees, in order. */
export const staffLinksFor = (role: Role): StaffLink[] =>
	STAFF_LINKS.filter((link) => role === 'admin' || link.roles.includes(role));
