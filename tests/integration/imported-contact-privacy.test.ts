/**
 * Issue 14, finding 8: an Open Referral contact holding a person's name and a phone number became a
 * public phone labelled with that name, on the asset page and in the exports. A person's name from an
 * import is for coordinators only unless the mapping says `"contactNames": "public"`; the phone and
 * email the feed published stay public, labelled with the contact's title at most. Checked here on
 * what each public query returns: the asset page's query, both exports and the Open Referral API.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { getPublicAsset } from '../../src/lib/server/queries/assets';
import { buildAssetExport } from '../../src/lib/server/exchange/export/respond';
import * as api from '../../src/lib/server/exchange/openreferral/api';
import { loadApiContext } from '../../src/lib/server/exchange/openreferral/context';
import { assetMappingSchema } from '../../src/lib/domain/exchange/import/mapping';
import { importBytes } from './asset-import-fixtures';

const NAME = 'Margaret Oyelaran';
const FEED = [
	{
		id: 'lunch-club',
		name: 'Riverside lunch club',
		description: 'A hot lunch and company every Thursday.',
		contacts: [
			{
				name: NAME,
				title: 'Organiser',
				email: 'riverside.lunch@example.org',
				phones: [{ number: '07700 900123' }]
			},
			// A name with nothing else: a person to ask for.
			{ name: 'Dev Patel', title: 'Treasurer' },
			// A title and a phone, no name.
			{ title: 'Bookings', phones: [{ number: '0161 496 0000' }] }
		]
	}
];

function imported(mapping: object | null = null): { db: Db; assetId: number } {
	const db = createTestDb();
	db.insert(t.programmes).values({ slug: 'test', name: 'Test programme' }).run();
	importBytes(db, new TextEncoder().encode(JSON.stringify(FEED)), {
		file: 'feed.json',
		format: 'openreferral',
		status: 'published',
		mapping: mapping ? assetMappingSchema.parse(mapping) : null
	});
	const [{ id }] = db.select({ id: t.assets.id }).from(t.assets).all();
	return { db, assetId: id };
}

function contactsOf(db: Db, assetId: number) {
	return db
		.select({
			kind: t.assetContacts.kind,
			label: t.assetContacts.label,
			value: t.assetContacts.value,
			visibility: t.assetContacts.visibility
		})
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, assetId))
		.orderBy(t.assetContacts.id)
		.all();
}

/** Everything a visitor or another system can get about the asset, as text. */
function everythingPublic(db: Db, assetId: number): string {
	const exports = (['csv', 'geojson'] as const).map((format) => {
		const result = buildAssetExport(db, format, {
			params: new URLSearchParams(),
			origin: 'https://patchwork.example'
		});
		if (!result.ok) throw new Error(result.message);
		return result.body;
	});
	const { ids } = loadApiContext(db);
	return [
		JSON.stringify(getPublicAsset(db, assetId)),
		...exports,
		JSON.stringify(api.getService(db, ids.row('service', assetId)).body),
		JSON.stringify(api.listServices(db, new URLSearchParams('per_page=100')).body)
	].join('\n');
}

describe('contacts with a person’s name, from an Open Referral feed', () => {
	it('keeps the name for coordinators, and the phone and email public under the title only', () => {
		const { db, assetId } = imported();
		expect(contactsOf(db, assetId)).toEqual([
			{
				kind: 'email',
				label: 'Organiser',
				value: 'riverside.lunch@example.org',
				visibility: 'public'
			},
			{ kind: 'phone', label: 'Organiser', value: '07700 900123', visibility: 'public' },
			{ kind: 'person', label: 'Organiser', value: NAME, visibility: 'coordinators' },
			{ kind: 'person', label: 'Treasurer', value: 'Dev Patel', visibility: 'coordinators' },
			{ kind: 'phone', label: 'Bookings', value: '0161 496 0000', visibility: 'public' }
		]);
	});

	it('shows no name on the asset page, in either export or in the Open Referral API', () => {
		const { db, assetId } = imported();
		const text = everythingPublic(db, assetId);
		// The asset is there, with its public phone.
		expect(text).toContain('Riverside lunch club');
		expect(text).toContain('07700 900123');
		for (const part of ['Margaret', 'Oyelaran', 'Dev Patel']) expect(text).not.toContain(part);
	});

	it('takes the name off a phone an earlier import labelled with it, when the feed is imported again', () => {
		const { db, assetId } = imported();
		// As an import before this fix stored it.
		db.update(t.assetContacts)
			.set({ label: NAME })
			.where(eq(t.assetContacts.value, '07700 900123'))
			.run();
		importBytes(db, new TextEncoder().encode(JSON.stringify(FEED)), {
			file: 'feed.json',
			format: 'openreferral',
			status: 'published'
		});
		expect(contactsOf(db, assetId).filter((c) => c.kind === 'phone')).toEqual([
			{ kind: 'phone', label: 'Bookings', value: '0161 496 0000', visibility: 'public' },
			{ kind: 'phone', label: 'Organiser', value: '07700 900123', visibility: 'public' }
		]);
		expect(everythingPublic(db, assetId)).not.toContain('Oyelaran');
	});

	it('makes names public only when the mapping says so', () => {
		const { db, assetId } = imported({ contactNames: 'public' });
		expect(contactsOf(db, assetId)).toContainEqual({
			kind: 'phone',
			label: NAME,
			value: '07700 900123',
			visibility: 'public'
		});
		expect(everythingPublic(db, assetId)).toContain(NAME);
	});
});
