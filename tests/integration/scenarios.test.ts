/**
 * Scenarios on a fresh database: create one from the live patches, edit it (move a small area,
 * merge, split, undo, redo), publish it over the live patches in one transaction, or discard it.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import {
	createScenario,
	discardScenario,
	editScenario,
	figuresForScenario,
	getScenario,
	liveChangesSince,
	publishScenario,
	smallAreaGeometry,
	undoOrRedo
} from '../../src/lib/server/scenarios';
import { checkProgrammeSizing, invalidateSizingCache } from '../../src/lib/server/sizing';
import { seedScenarioAreas, seedScenarioPatches } from './scenario-fixture';

let db: Db;
let programmeId: number;
let live: Record<string, number>;
let councilId: number;
let coordinatorId: number;

beforeEach(() => {
	invalidateSizingCache();
	db = createTestDb();
	programmeId = Number(
		db.insert(t.programmes).values({ slug: 'fen', name: 'Fenwick' }).run().lastInsertRowid
	);
	seedScenarioAreas(db, programmeId);
	live = seedScenarioPatches(db, programmeId);
	const user = (email: string, role: 'council' | 'coordinator') =>
		Number(db.insert(t.users).values({ email, role, displayName: email }).run().lastInsertRowid);
	councilId = user('lead@example.org', 'council');
	coordinatorId = user('west@example.org', 'coordinator');
	db.insert(t.patchCoordinators).values({ patchId: live.west, userId: coordinatorId }).run();
});

const livePeople = () =>
	Object.fromEntries(
		checkProgrammeSizing(db, programmeId)!.patches.map((p) => [p.name, Math.round(p.population)])
	);
const move = (scenarioId: number, code: string, to: string) =>
	editScenario(db, {
		scenarioId,
		userId: councilId,
		edit: { kind: 'move', code, smallArea: smallAreaGeometry(db, code)!, to }
	});
const scenarioPeople = (id: number) =>
	Object.fromEntries(
		figuresForScenario(db, programmeId, getScenario(db, id)!.patches)!.check.patches.map((p) => [
			p.name,
			Math.round(p.population)
		])
	);
const liveRows = () =>
	db
		.select({
			id: t.patches.id,
			slug: t.patches.slug,
			name: t.patches.name,
			status: t.patches.status
		})
		.from(t.patches)
		.orderBy(t.patches.id)
		.all();

describe('a scenario', () => {
	it('starts as a copy of the live patches, and its edits leave the live patches alone', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		expect(getScenario(db, id)!.patches.map((p) => [p.slug, p.livePatchId])).toEqual([
			['east', live.east],
			['west', live.west]
		]);
		expect(move(id, 'c2-0', 'east')).toEqual({ ok: true, label: 'Moved c2-0 to East' });
		expect(scenarioPeople(id)).toEqual({ West: 5000, East: 7500 });
		expect(livePeople()).toEqual({ East: 6000, West: 6500 });
		const figures = figuresForScenario(db, programmeId, getScenario(db, id)!.patches)!;
		expect(Math.round(figures.comparison.changingPatch)).toBe(1500);
	});

	it('undoes and redoes edits in order, and a new edit drops what was undone', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		move(id, 'c2-0', 'east');
		editScenario(db, {
			scenarioId: id,
			userId: councilId,
			edit: { kind: 'merge', keep: 'west', absorb: 'east' }
		});
		expect(scenarioPeople(id)).toEqual({ West: 12500 });
		expect(undoOrRedo(db, { scenarioId: id, which: 'undo' })).toEqual({
			ok: true,
			label: 'Undone: Merged East into West'
		});
		expect(scenarioPeople(id)).toEqual({ West: 5000, East: 7500 });
		undoOrRedo(db, { scenarioId: id, which: 'undo' });
		expect(scenarioPeople(id)).toEqual({ West: 6500, East: 6000 });
		expect(undoOrRedo(db, { scenarioId: id, which: 'undo' })).toEqual({
			ok: false,
			message: 'There is nothing to undo'
		});
		undoOrRedo(db, { scenarioId: id, which: 'redo' });
		expect(scenarioPeople(id)).toEqual({ West: 5000, East: 7500 });
		move(id, 'c3-1', 'west');
		expect(undoOrRedo(db, { scenarioId: id, which: 'redo' })).toEqual({
			ok: false,
			message: 'There is nothing to redo'
		});
		expect(getScenario(db, id)!.edits.map((e) => e.label)).toEqual([
			'Moved c2-0 to East',
			'Moved c3-1 to West'
		]);
	});

	it('refuses an edit it cannot make, and stores nothing', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		const before = JSON.stringify(getScenario(db, id));
		const result = editScenario(db, {
			scenarioId: id,
			userId: councilId,
			edit: { kind: 'merge', keep: 'west', absorb: 'west' }
		});
		expect(result).toEqual({ ok: false, message: 'Choose two different patches to merge' });
		expect(JSON.stringify(getScenario(db, id))).toBe(before);
	});
});

describe('publishing a scenario', () => {
	it('replaces the live patches: same ids and coordinators where the slug matches, new ones added, removed ones retired, audited', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		move(id, 'c2-0', 'east');
		editScenario(db, {
			scenarioId: id,
			userId: councilId,
			edit: {
				kind: 'split',
				slug: 'east',
				newName: 'Eastfield',
				line: {
					type: 'LineString',
					coordinates: [
						[-2.285, 53.43],
						[-2.285, 53.46]
					]
				}
			}
		});
		const merged = createScenario(db, { programmeId, name: 'One patch', userId: councilId });
		expect(publishScenario(db, { scenarioId: id, userId: councilId })).toEqual({
			ok: true,
			updated: 2,
			added: 1,
			retired: 0
		});
		const rows = liveRows();
		expect(rows.map((r) => [r.slug, r.status])).toEqual([
			['west', 'active'],
			['east', 'active'],
			['eastfield', 'active']
		]);
		expect(rows[0].id).toBe(live.west);
		expect(livePeople()).toEqual({ West: 5000, East: 4500, Eastfield: 3000 });
		expect(db.select().from(t.patchCoordinators).all()).toEqual([
			{ patchId: live.west, userId: coordinatorId }
		]);
		const audit = db
			.select()
			.from(t.auditLog)
			.where(eq(t.auditLog.action, 'scenario.published'))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ userId: councilId, entityId: String(id) });
		expect(getScenario(db, id)!.status).toBe('published');
		expect(move(id, 'c0-0', 'east')).toMatchObject({ ok: false });

		// The second scenario was copied before: it has no Eastfield, so publishing it retires it.
		editScenario(db, {
			scenarioId: merged,
			userId: councilId,
			edit: { kind: 'merge', keep: 'west', absorb: 'east' }
		});
		// West and East changed, and Eastfield was added, after it was copied: it asks first.
		expect(publishScenario(db, { scenarioId: merged, userId: councilId })).toMatchObject({
			ok: false,
			liveChanges: [
				{ name: 'East', kind: 'changed' },
				{ name: 'Eastfield', kind: 'added' },
				{ name: 'West', kind: 'changed' }
			]
		});
		expect(
			publishScenario(db, { scenarioId: merged, userId: councilId, confirmed: true })
		).toMatchObject({
			updated: 1,
			retired: 2
		});
		expect(liveRows().map((r) => [r.slug, r.status])).toEqual([
			['west', 'active'],
			['east', 'retired'],
			['eastfield', 'retired']
		]);
		expect(livePeople()).toEqual({ West: 12500 });
	});

	it('warns, and publishes nothing, when a live patch changed after the copy, until confirmed', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		move(id, 'c2-0', 'east');
		expect(liveChangesSince(db, getScenario(db, id)!)).toEqual([]);
		// A coordinator's boundary edit on the live site, after the copy.
		const edited = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[-2.3, 53.4],
					[-2.29, 53.4],
					[-2.29, 53.41],
					[-2.3, 53.4]
				]
			]
		};
		db.update(t.patches)
			.set({ boundary: edited, updatedAt: '2027-01-05T10:00:00.000Z' })
			.where(eq(t.patches.id, live.west))
			.run();
		const before = JSON.stringify([db.select().from(t.patches).all(), getScenario(db, id)]);
		const refused = publishScenario(db, { scenarioId: id, userId: councilId });
		expect(refused).toEqual({
			ok: false,
			message:
				'1 live patch changed or was added after this scenario was copied (West). Publishing ' +
				"replaces the live patches with the scenario's, so those changes would be lost. Confirm to publish anyway.",
			liveChanges: [
				{ id: live.west, name: 'West', kind: 'changed', updatedAt: '2027-01-05T10:00:00.000Z' }
			]
		});
		expect(JSON.stringify([db.select().from(t.patches).all(), getScenario(db, id)])).toBe(before);

		expect(publishScenario(db, { scenarioId: id, userId: councilId, confirmed: true })).toEqual({
			ok: true,
			updated: 2,
			added: 0,
			retired: 0
		});
		const west = db.select().from(t.patches).where(eq(t.patches.id, live.west)).get()!;
		expect(west.boundary).not.toEqual(edited);
		const audit = db
			.select()
			.from(t.auditLog)
			.where(eq(t.auditLog.action, 'scenario.published'))
			.get()!;
		expect(audit.detail).toMatchObject({
			overwroteLiveChanges: [{ name: 'West', kind: 'changed' }]
		});
	});

	it('changes nothing when the database fails part-way', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		move(id, 'c2-0', 'east');
		// The audit row is written last: make it fail, as a full disk would.
		db.run(
			sql`CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`
		);
		const before = JSON.stringify([
			liveRows(),
			db.select().from(t.patches).all(),
			getScenario(db, id)
		]);
		expect(() => publishScenario(db, { scenarioId: id, userId: councilId })).toThrow(
			'disk I/O error'
		);
		expect(
			JSON.stringify([liveRows(), db.select().from(t.patches).all(), getScenario(db, id)])
		).toBe(before);
		expect(livePeople()).toEqual({ East: 6000, West: 6500 });
	});
});

describe('discarding a scenario', () => {
	it('keeps it listed as discarded, audited, and it can no longer be edited or published', () => {
		const id = createScenario(db, { programmeId, name: 'Re-draw 2027', userId: councilId });
		expect(discardScenario(db, { id, userId: councilId })).toBe(true);
		expect(getScenario(db, id)!.status).toBe('discarded');
		expect(discardScenario(db, { id, userId: councilId })).toBe(false);
		expect(move(id, 'c2-0', 'east')).toMatchObject({ ok: false });
		expect(publishScenario(db, { scenarioId: id, userId: councilId })).toEqual({
			ok: false,
			message: 'Only a draft scenario can be published'
		});
		expect(livePeople()).toEqual({ East: 6000, West: 6500 });
		expect(
			db
				.select({ action: t.auditLog.action })
				.from(t.auditLog)
				.all()
				.map((r) => r.action)
		).toEqual(['scenario.created', 'scenario.discarded']);
	});
});
