import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const { users, assets } = demo;
const coordinators = users.filter((u) => u.role === 'coordinator');
const venues = new Map(assets.filter((a) => a.kind === 'venue').map((v) => [v.ref, v]));
const patches = new Map(
	(demo.patches.features as Feature<Polygon, { slug: string }>[]).map((f) => [f.properties.slug, f])
);

describe('demo users', () => {
	it('are one council user, one admin and a coordinator for every patch', () => {
		expect(users.filter((u) => u.role === 'council')).toHaveLength(1);
		expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
		const covered = coordinators.flatMap((u) => u.patches).sort();
		expect(covered).toEqual([...patches.keys()].sort());
		for (const user of users.filter((u) => u.role !== 'coordinator')) {
			expect(user.patches).toEqual([]);
			expect(user.presence).toEqual([]);
		}
	});

	it('have unique example.org emails and demo passwords of 12 or more characters', () => {
		expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
		for (const user of users) {
			expect(user.email).toMatch(/@example\.org$/);
			expect(user.password.length).toBeGreaterThanOrEqual(12);
		}
	});

	it('are present at published venues in their patch, or within 2 km of it', () => {
		for (const user of coordinators) {
			expect(user.presence.length, user.email).toBeGreaterThanOrEqual(3);
			const patch = patches.get(user.patches[0])!;
			for (const slot of user.presence) {
				const venue = venues.get(slot.venueRef);
				expect(venue?.status, slot.venueRef).toBe('published');
				const at = point(venue!.point!);
				const inside = booleanPointInPolygon(at, patch);
				const near = patch.geometry.coordinates[0].some((p) => distance(at, point(p)) < 2);
				expect(inside || near, `${user.email} at ${venue?.name}`).toBe(true);
				expect(slot.startTime < slot.endTime).toBe(true);
			}
		}
	});

	it('spread most coordinators over 3 or more venues, with exactly one using a single venue all week', () => {
		const venueCounts = coordinators.map((u) => new Set(u.presence.map((p) => p.venueRef)).size);
		expect(venueCounts.filter((n) => n === 1)).toHaveLength(1);
		expect(venueCounts.filter((n) => n >= 3).length).toBe(coordinators.length - 1);
	});
});
