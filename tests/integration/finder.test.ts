/**
 * The connection finder's query on fresh databases: who sees which informal supports and contacts,
 * and the order and words on the demo borough.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { findConnections } from '../../src/lib/server/finder/find';
import { emptyInputs, type FinderInputs } from '../../src/lib/domain/finder';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';

const TODAY = '2026-11-25';
let db: Db;
let fx: StaffFixture;

function support(name: string, lon: number, consentPublic: boolean) {
	const id = Number(
		db
			.insert(t.assets)
			.values({
				programmeId: fx.programmeId,
				kind: 'informal_support',
				name,
				description: `${name} helps neighbours.`,
				lon,
				lat: 0.5,
				status: 'published',
				lastVerifiedOn: '2026-10-01',
				consentRecordedOn: '2026-01-01',
				consentPublic,
				consentContactsPublic: false
			})
			.run().lastInsertRowid
	);
	db.insert(t.assetContacts)
		.values({ assetId: id, kind: 'phone', value: `0770 ${id}`, visibility: 'coordinators' })
		.run();
	return id;
}

const near: FinderInputs = {
	...emptyInputs(),
	where: { kind: 'point', point: [1, 0.5] },
	reach: { kind: 'distance', km: 5 }
};

function namesFor(user: StaffFixture['users'][keyof StaffFixture['users']], inputs = near) {
	const result = findConnections(db, inputs, actorFor(db, user), { today: TODAY });
	return result.sections!.flatMap((s) => s.entries.map((e) => e.candidate));
}

beforeEach(() => {
	db = createTestDb();
	fx = seedStaffFixture(db);
	support('Private helper in P', 0.99, false);
	support('Private helper in Q', 1.01, false);
	support('Public helper in Q', 1.02, true);
	db.insert(t.assets)
		.values({
			programmeId: fx.programmeId,
			kind: 'group',
			name: 'Draft group on the line',
			lon: 1.0,
			lat: 0.5,
			status: 'draft'
		})
		.run();
});

describe('who sees what', () => {
	it('shows a coordinator the private informal supports of their own patch, never of another', () => {
		const names = namesFor(fx.users.coordinatorP).map((c) => c.name);
		expect(names).toContain('Private helper in P');
		expect(names).not.toContain('Private helper in Q');
		expect(names).toContain('Public helper in Q');
		expect(names).not.toContain('Draft group on the line');
		const mirrored = namesFor(fx.users.coordinatorQ).map((c) => c.name);
		expect(mirrored).toContain('Private helper in Q');
		expect(mirrored).not.toContain('Private helper in P');
	});

	it('shows coordinators-only contacts of an informal support only to its own patch', () => {
		const [publicQ] = namesFor(fx.users.coordinatorP).filter(
			(c) => c.name === 'Public helper in Q'
		);
		expect(publicQ.contacts).toEqual([]);
		const [own] = namesFor(fx.users.coordinatorQ).filter((c) => c.name === 'Public helper in Q');
		expect(own.contacts.map((c) => c.coordinatorsOnly)).toEqual([true]);
	});

	it('shows council every patch’s private supports', () => {
		const names = namesFor(fx.users.council).map((c) => c.name);
		expect(names).toEqual(expect.arrayContaining(['Private helper in P', 'Private helper in Q']));
	});

	it('keeps to the reach, measures from the place, and names the person’s patch', () => {
		const result = findConnections(
			db,
			{
				...near,
				where: { kind: 'postcode', postcode: 'FV1 1AA' },
				reach: { kind: 'walk', minutes: 10 }
			},
			actorFor(db, fx.users.coordinatorP),
			{ today: TODAY }
		);
		expect(result.patch?.slug).toBe('p');
		const entries = result.sections!.flatMap((s) => s.entries);
		expect(entries.map((e) => e.candidate.name)).toEqual(['Knit and Natter']);
		expect(entries[0].candidate.distanceMetres).toBe(0);
		expect(entries[0].fits).toContain('0 metres, about 1 minute’s walk');
	});

	it('searches nothing without a place, and says when a postcode or patch is unknown', () => {
		const actor = actorFor(db, fx.users.coordinatorP);
		expect(findConnections(db, emptyInputs(), actor).sections).toBeNull();
		const unknown = findConnections(
			db,
			{ ...emptyInputs(), where: { kind: 'postcode', postcode: 'ZZ9 9ZZ' } },
			actor
		);
		expect(unknown.sections).toBeNull();
		expect(unknown.notices).toEqual([
			{ field: 'postcode', message: 'We do not know the postcode ZZ9 9ZZ' }
		]);
	});

	it('finds a patch’s entries when asked for "in patch P"', () => {
		const names = namesFor(fx.users.coordinatorQ, {
			...emptyInputs(),
			where: { kind: 'patch', slug: 'p' }
		}).map((c) => c.name);
		expect(names).toContain('Knit and Natter');
		expect(names).not.toContain('Private helper in P');
		expect(names).not.toContain('Quay Walkers');
	});
});
