/**
 * The two real council feeds (flat service arrays, December 2024) and the profile's HSDS 3.0
 * examples import: every valid service lands, every invalid one is listed with its reason, the
 * counts add up to the feed's total, HTML is reduced to text, and a re-import changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { importBytes, readData, rowCounts } from './asset-import-fixtures';

const BRISTOL = 'openreferral/real-feeds-2024-12/bristol_council_services.json';
const NORTH_LINCS = 'openreferral/real-feeds-2024-12/north_lincolnshire_council_services.json';

function freshDb() {
	const db = createTestDb();
	db.insert(t.programmes).values({ slug: 'test', name: 'Test programme' }).run();
	return db;
}

describe('Bristol feed (819 services)', () => {
	const db = freshDb();
	const bytes = readData(BRISTOL);
	const dryRun = importBytes(db, bytes, {
		file: 'bristol.json',
		format: 'openreferral',
		status: 'draft',
		dryRun: true
	});
	const countsAfterDryRun = rowCounts(db);
	const report = importBytes(db, bytes, {
		file: 'bristol.json',
		format: 'openreferral',
		status: 'draft'
	});

	it('checks first without saving anything, and the check says what the import then does', () => {
		expect(countsAfterDryRun.assets).toBe(0);
		expect(countsAfterDryRun.importRuns).toBe(0);
		expect({ ...dryRun, dryRun: true, runId: null }).toEqual({
			...report,
			dryRun: true,
			runId: null
		});
	});

	it('imports the 817 valid services and lists the 2 invalid ones with their reasons', () => {
		expect(report.total).toBe(819);
		expect(report.created).toBe(817);
		expect(report.rejectedCount).toBe(2);
		expect(report.created + report.updated + report.unchanged + report.rejectedCount).toBe(819);
		expect(report.rejected).toEqual([
			{
				ref: 'service 1 (id def5ccd4-f121-df4d-60d2-4dc0d69ff555)',
				reasons: ['its name is empty']
			},
			{
				ref: 'service 811 (id 2af617e5-4532-bebe-1036-ffdf2e93ce55) ("Yoga for Fitness & Relaxation")',
				reasons: [
					expect.stringContaining(
						'which service 374 (id 2af617e5-4532-bebe-1036-ffdf2e93ce55) ("Fishponds Yoga for Fitness & Wellbeing") already has'
					)
				]
			}
		]);
		expect(db.select().from(t.assets).all()).toHaveLength(817);
	});

	it('keeps services as community services with no fixed place, as drafts, filed under Other', () => {
		const assets = db.select().from(t.assets).all();
		expect(
			new Set(assets.map((a) => `${a.kind}/${a.sector}/${a.locationKind}/${a.status}/${a.source}`))
		).toEqual(new Set(['service/community/roaming/draft/openreferral']));
		const categories = db.select().from(t.assetCategories).all();
		expect(new Set(categories.map((c) => c.categoryId))).toEqual(new Set(['other']));
		expect(db.select().from(t.categories).all()).toEqual([
			expect.objectContaining({ id: 'other', name: 'Other' })
		]);
		expect(report.unmatchedTerms[0]).toEqual(['Long Term Health Conditions', 67]);
	});

	it('reduces HTML descriptions to text with their paragraphs', () => {
		const descriptions = db
			.select({ d: t.assets.description })
			.from(t.assets)
			.all()
			.map((row) => row.d);
		expect(descriptions.filter((d) => /<\/?[a-z][^>]*>/i.test(d))).toEqual([]);
		expect(descriptions.filter((d) => /&(nbsp|amp|quot|lt|gt);/.test(d))).toEqual([]);
		const yoga = db
			.select()
			.from(t.assets)
			.where(eq(t.assets.externalId, '2af617e5-4532-bebe-1036-ffdf2e93ce55'))
			.get()!;
		expect(yoga.name).toBe('Fishponds Yoga for Fitness & Wellbeing');
		expect(yoga.description).toMatch(
			/^These yoga classes will help you keep fit, healthy and injury-free/
		);
		const multiParagraph = descriptions.filter((d) => d.includes('\n\n'));
		expect(multiParagraph.length).toBeGreaterThan(100);
	});

	it('updates in place by id when imported again: no new assets, nothing changed', () => {
		const before = rowCounts(db);
		const again = importBytes(db, bytes, { file: 'bristol-again.json', format: 'openreferral' });
		expect([again.created, again.updated, again.unchanged, again.rejectedCount]).toEqual([
			0, 0, 817, 2
		]);
		expect(rowCounts(db)).toEqual({
			...before,
			importRuns: before.importRuns + 1,
			auditLog: before.auditLog + 1
		});
	});

	it('updates a changed service in place and keeps what a coordinator decided', () => {
		const feed = JSON.parse(bytes.toString('utf8'));
		const target = feed[5];
		const asset = db.select().from(t.assets).where(eq(t.assets.externalId, target.id)).get()!;
		db.update(t.assets).set({ status: 'published' }).where(eq(t.assets.id, asset.id)).run();
		db.insert(t.assetContacts)
			.values({
				assetId: asset.id,
				kind: 'phone',
				value: '07700 900123',
				visibility: 'coordinators'
			})
			.run();
		target.name = `${target.name} (renamed)`;
		target.description = '<p>New &amp; improved</p><p>Second paragraph</p>';
		const changed = importBytes(db, new TextEncoder().encode(JSON.stringify(feed)), {
			file: 'bristol-changed.json',
			format: 'openreferral'
		});
		expect([changed.created, changed.updated, changed.unchanged]).toEqual([0, 1, 816]);
		const after = db.select().from(t.assets).where(eq(t.assets.id, asset.id)).get()!;
		expect(after).toMatchObject({
			name: `${asset.name} (renamed)`,
			description: 'New & improved\n\nSecond paragraph',
			status: 'published'
		});
		const contacts = db
			.select()
			.from(t.assetContacts)
			.where(eq(t.assetContacts.assetId, asset.id))
			.all();
		expect(contacts.map((c) => c.value)).toContain('07700 900123');
	});
});

describe('North Lincolnshire feed (738 services)', () => {
	it('imports all 738 and rejects none', () => {
		const db = freshDb();
		const report = importBytes(db, readData(NORTH_LINCS), {
			file: 'north-lincs.json',
			format: 'openreferral'
		});
		expect([report.total, report.created, report.rejectedCount]).toEqual([738, 738, 0]);
		expect(db.select().from(t.assets).all()).toHaveLength(738);
		const wawy = db
			.select()
			.from(t.assets)
			.where(eq(t.assets.externalId, '738f94e0-aa6c-6a5c-2395-7b64421ba2a5'))
			.get()!;
		expect(wawy.description).toMatch(
			/^Struggling with Drug & Alcohol Addiction\? We Are With You provide free/
		);
		expect(wawy.description).toContain('\n\nWe Are With You are now offering a drop in session');
	});

	it('both feeds together: ids do not collide, and a term mapping files services in categories', () => {
		const db = freshDb();
		const mapping = {
			rules: [],
			terms: { Carers: 'caring-for-someone', 'Mental Health': 'Mental wellbeing' }
		};
		const bristol = importBytes(db, readData(BRISTOL), {
			file: 'b.json',
			format: 'openreferral',
			mapping
		});
		const lincs = importBytes(db, readData(NORTH_LINCS), {
			file: 'n.json',
			format: 'openreferral',
			mapping
		});
		expect(bristol.created + lincs.created).toBe(817 + 738);
		expect(db.select().from(t.assets).all()).toHaveLength(1555);
		const carers = db
			.select()
			.from(t.assetCategories)
			.where(eq(t.assetCategories.categoryId, 'caring-for-someone'))
			.all();
		expect(carers.length).toBeGreaterThan(30);
		expect(db.select().from(t.categories).where(like(t.categories.id, 'mental%')).all()).toEqual([
			expect.objectContaining({ id: 'mental-wellbeing', name: 'Mental wellbeing' })
		]);
	});
});

describe('HSDS 3.0 examples from the UK profile', () => {
	it('imports one service, refusing its off-the-globe location but keeping the service', () => {
		const db = freshDb();
		const report = importBytes(db, readData('openreferral/uk-profile-examples/service_full.json'), {
			file: 'service_full.json',
			format: 'openreferral'
		});
		expect([report.total, report.created]).toEqual([1, 1]);
		expect(report.notes[0]).toBe('Read as one service (HSDS 3.0).');
		const asset = db.select().from(t.assets).get()!;
		expect(asset).toMatchObject({
			name: 'Community Counselling',
			locationKind: 'roaming',
			lon: null,
			ageMin: 12,
			ageMax: 100
		});
		expect(report.warningGroups.map((g) => g.example).join('\n')).toContain(
			'coordinates 100, 101 are not a place on Earth'
		);
	});

	it('reads a page of services and says when it is not the whole feed', () => {
		const db = freshDb();
		const report = importBytes(db, readData('openreferral/uk-profile-examples/service_list.json'), {
			file: 'service_list.json',
			format: 'openreferral'
		});
		expect(report.created).toBe(1);
		expect(report.notes).toContain(
			'This is page 1 of 10: only its 1 services were read. Fetch the feed with a larger per_page, or import each page.'
		);
	});
});
