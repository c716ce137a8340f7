/**
 * The daily jobs with a fixed today: auto-archive of entries unchecked for longer than the programme's
 * limit (audited, idempotent, undone by Restore), and forgetting suggestion senders 90 days after the
 * suggestion closed; the runner never overlaps and never throws.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { createJobRunner, getLastJobRun, runDailyJobs } from '../../src/lib/server/jobs';
import { restoreArchivedEntry } from '../../src/lib/server/staff/freshness';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { getAsset } from './staff-helpers';

let db: Db;
let fx: StaffFixture;
const TODAY = '2026-11-25';
const quiet = () => {};

beforeEach(() => {
	db = createTestDb();
	fx = seedStaffFixture(db);
});

function addEntry(name: string, values: Partial<typeof t.assets.$inferInsert>) {
	return Number(
		db
			.insert(t.assets)
			.values({
				programmeId: fx.programmeId,
				kind: 'group',
				name,
				lon: 0.5,
				lat: 0.5,
				status: 'published',
				...values
			})
			.run().lastInsertRowid
	);
}

describe('auto-archive', () => {
	it('archives entries checked more than 18 months ago, one audit row each, with no actor', () => {
		const old = addEntry('Old', { lastVerifiedOn: '2025-05-24' });
		const edge = addEntry('Edge', { lastVerifiedOn: '2025-05-25' });
		const draft = addEntry('Old draft', { lastVerifiedOn: '2020-01-01', status: 'draft' });
		const neverOld = addEntry('Never checked, old', {
			lastVerifiedOn: null,
			createdAt: '2024-01-01T10:00:00.000Z'
		});
		const neverNew = addEntry('Never checked, new', { lastVerifiedOn: null });
		const lines: string[] = [];
		const result = runDailyJobs(db, TODAY, (line) => lines.push(line));
		expect(result.autoArchive).toMatchObject({
			archived: 2,
			cutoff: '2025-05-25',
			archiveAfterMonths: 18
		});
		expect(getAsset(db, old)).toMatchObject({
			status: 'archived',
			archivedReason: 'unchecked',
			version: 2
		});
		expect(getAsset(db, old)!.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(getAsset(db, neverOld)).toMatchObject({
			status: 'archived',
			archivedReason: 'unchecked'
		});
		for (const id of [edge, neverNew, fx.assets.inP, fx.assets.inQ]) {
			expect(getAsset(db, id)!.status).toBe('published');
		}
		expect(getAsset(db, draft)!.status).toBe('draft');
		const audit = db.select().from(t.auditLog).all();
		expect(audit.map((a) => [a.action, a.entityId, a.userId])).toEqual([
			['entry.archived', String(old), null],
			['entry.archived', String(neverOld), null]
		]);
		expect(audit[0].detail).toMatchObject({
			before: { status: 'published', lastVerifiedOn: '2025-05-24' },
			after: { status: 'archived', archivedReason: 'unchecked' },
			patchIds: [fx.patches.p]
		});
		// One line per job (four, with forgetting old demand records); asking groups is skipped without a site address.
		expect(lines).toHaveLength(4);
		expect(lines[1]).toBe(
			'[jobs] ask-groups: skipped, ORIGIN is not set so emails could not link to the site'
		);
		expect(lines[0]).toBe(
			'[jobs] auto-archive 2026-11-25: 2 entries not checked since before 2025-05-25 archived'
		);
		const run = getLastJobRun(db, 'auto-archive');
		expect(run?.summary).toMatchObject({ archived: 2, today: TODAY, ids: [old, neverOld] });
	});

	it('is idempotent: a second run the same day archives nothing and writes no audit row', () => {
		addEntry('Old', { lastVerifiedOn: '2024-01-01' });
		runDailyJobs(db, TODAY, quiet);
		const audit = db.select().from(t.auditLog).all().length;
		const second = runDailyJobs(db, TODAY, quiet);
		expect(second.autoArchive.archived).toBe(0);
		expect(db.select().from(t.auditLog).all()).toHaveLength(audit);
		expect(db.select().from(t.jobRuns).where(eq(t.jobRuns.job, 'auto-archive')).all()).toHaveLength(
			2
		);
	});

	it('follows the programme’s setting', () => {
		const entry = addEntry('A year old', { lastVerifiedOn: '2025-10-01' });
		runDailyJobs(db, TODAY, quiet);
		expect(getAsset(db, entry)!.status).toBe('published');
		db.update(t.programmes)
			.set({ checkDueMonths: 3, checkStaleMonths: 6, archiveAfterMonths: 12 })
			.run();
		runDailyJobs(db, TODAY, quiet);
		expect(getAsset(db, entry)!.status).toBe('archived');
	});

	it('is undone by Restore: published again, checked today, audited, and not archived again', () => {
		const entry = addEntry('Old', { lastVerifiedOn: '2024-01-01' });
		runDailyJobs(db, TODAY, quiet);
		const council = actorFor(db, fx.users.council);
		expect(restoreArchivedEntry(db, council, entry, TODAY)).toEqual({ ok: true });
		expect(getAsset(db, entry)).toMatchObject({
			status: 'published',
			archivedAt: null,
			archivedReason: null,
			lastVerifiedOn: TODAY,
			lastVerifiedVia: 'council',
			version: 3
		});
		expect(
			db
				.select()
				.from(t.auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['entry.archived', 'entry.restored']);
		expect(runDailyJobs(db, TODAY, quiet).autoArchive.archived).toBe(0);
		expect(restoreArchivedEntry(db, council, entry, TODAY)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('forgetting who sent a suggestion', () => {
	function closedSuggestion(status: 'accepted' | 'rejected' | 'open', reviewedAt: string | null) {
		return Number(
			db
				.insert(t.suggestions)
				.values({
					kind: 'change',
					assetId: fx.assets.inP,
					details: { details: 'x' },
					submitterName: 'Ann Resident',
					submitterEmail: 'ann@example.org',
					status,
					reviewedAt
				})
				.run().lastInsertRowid
		);
	}
	const sender = (id: number) =>
		db
			.select({ name: t.suggestions.submitterName, email: t.suggestions.submitterEmail })
			.from(t.suggestions)
			.where(eq(t.suggestions.id, id))
			.get();

	it('deletes the name and email 91 days after closing, not 89 or 90, and never from open ones', () => {
		// 25 November 2026 less 91, 90 and 89 days.
		const after91 = closedSuggestion('accepted', '2026-08-26T10:00:00.000Z');
		const rejected91 = closedSuggestion('rejected', '2026-08-20T10:00:00.000Z');
		const after90 = closedSuggestion('accepted', '2026-08-27T10:00:00.000Z');
		const after89 = closedSuggestion('rejected', '2026-08-28T10:00:00.000Z');
		const open = closedSuggestion('open', null);
		const result = runDailyJobs(db, TODAY, quiet);
		expect(result.forgetSubmitters).toEqual({
			today: TODAY,
			closedBefore: '2026-08-27',
			cleared: 2
		});
		expect(sender(after91)).toEqual({ name: null, email: null });
		expect(sender(rejected91)).toEqual({ name: null, email: null });
		for (const id of [after90, after89, open]) {
			expect(sender(id)).toEqual({ name: 'Ann Resident', email: 'ann@example.org' });
		}
		expect(db.select().from(t.suggestions).all()).toHaveLength(5);
		expect(getLastJobRun(db, 'forget-submitters')?.summary).toMatchObject({ cleared: 2 });
		expect(runDailyJobs(db, TODAY, quiet).forgetSubmitters.cleared).toBe(0);
	});
});

describe('the runner', () => {
	it('logs a failure and carries on, never throwing, and never runs twice at once', () => {
		const errors: unknown[] = [];
		let calls = 0;
		const broken = createJobRunner(
			() => {
				calls += 1;
				throw new Error('disk full');
			},
			{ log: quiet, logError: (...args) => errors.push(args), today: () => TODAY }
		);
		expect(broken.run()).toBe(false);
		expect(calls).toBe(1);
		expect(errors).toHaveLength(1);
		expect(broken.running).toBe(false);

		let reentered: boolean | null = null;
		const runner = createJobRunner(
			() => {
				// A second start while the first is under way is skipped.
				reentered = runner.run();
				return db;
			},
			{ log: quiet, today: () => TODAY }
		);
		expect(runner.run()).toBe(true);
		expect(reentered).toBe(false);
		expect(db.select().from(t.jobRuns).all()).toHaveLength(3);
	});
});
