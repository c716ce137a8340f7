import { describe, expect, it } from 'vitest';
import { STAFF_LINKS, staffLinksFor } from './staff-links';

describe('staff links', () => {
	it('shows each role its own pages, and an admin every page', () => {
		expect(staffLinksFor('council').map((link) => link.href)).toContain('/council');
		expect(staffLinksFor('coordinator').map((link) => link.href)).not.toContain('/council');
		expect(staffLinksFor('admin')).toEqual(STAFF_LINKS);
	});
});
