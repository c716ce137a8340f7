/**
 * Calendar feeds from the built app: "Add to calendar" on entry and patch pages (English and Welsh)
 * leads to iCalendar that a maintained parser (ical.js) reads, and whose repeats, expanded by the
 * parser, fall on the dates domain/sessions.ts gives for the demo's sessions.
 */
import ICAL from 'ical.js';
import { occurrencesBetween, londonDate } from '../../src/lib/domain/sessions';
import { demoAssets, isVisible } from './demo-data';
import { expect, expectNoAxeViolations, test } from './fixtures';

const PATCH = 'sorrel-green-and-millbrook';
// Ids follow the demo file's order.
const idOf = (asset: (typeof demoAssets)[number]) => demoAssets.indexOf(asset) + 1;
const withRule = (frequency: string) =>
	demoAssets.find(
		(a) =>
			isVisible(a) &&
			a.sessions.length > 0 &&
			a.sessions.every((s) => s.frequency === frequency) &&
			a.sessions.some((s) => s.frequency === frequency)
	)!;

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** The London dates and start times the parser expands, up to `until`. */
function expand(event: ICAL.Event, until: string): string[] {
	const starts: string[] = [];
	const iterator = event.iterator();
	for (let next = iterator.next(); next; next = iterator.next()) {
		const local = next.toString().slice(0, 16);
		if (local.slice(0, 10) > until) break;
		starts.push(local);
	}
	return starts;
}

for (const frequency of ['weekly', 'fortnightly', 'monthly']) {
	test(`an entry's ${frequency} sessions come out of its feed on the dates the site shows`, async ({
		page,
		request
	}) => {
		const asset = withRule(frequency);
		await page.goto(`/assets/${idOf(asset)}`);
		const link = page.getByRole('link', { name: 'Add to calendar' });
		await expect(link).toHaveAttribute('href', `/assets/${idOf(asset)}/calendar.ics`);
		const response = await request.get((await link.getAttribute('href'))!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const events = parse(await response.text());
		expect(events.length).toBe(asset.sessions.length);
		const today = londonDate(new Date());
		const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
		asset.sessions.forEach((session, index) => {
			const event = events[index];
			expect(event.summary).toBe(asset.name);
			expect(event.startDate.zone.tzid).toBe('Europe/London');
			const dates = occurrencesBetween(session, today, until);
			expect(dates.length).toBeGreaterThan(10);
			expect(expand(event, until)).toEqual(dates.map((d) => `${d}T${session.startTime}`));
		});
	});
}

test("a patch's What's on feed holds public entries' sessions, and the link is in Welsh too", async ({
	page,
	request
}) => {
	await page.goto(`/patches/${PATCH}`);
	const link = page.getByRole('link', { name: /Add what's on in .+ to your calendar/ });
	await expect(link).toHaveAttribute('href', `/patches/${PATCH}/calendar.ics`);
	await expectNoAxeViolations(page);
	const text = await (await request.get(`/patches/${PATCH}/calendar.ics`)).text();
	const events = parse(text);
	expect(events.length).toBeGreaterThan(5);
	const names = new Set(events.map((e) => e.summary));
	for (const name of names) {
		const asset = demoAssets.find((a) => a.name === name)!;
		expect(isVisible(asset), name).toBe(true);
	}
	expect(text).toContain('X-WR-CALNAME:What');

	await page.goto(`/cy/patches/${PATCH}`);
	await expect(
		page.getByRole('link', { name: /Ychwanegu'r hyn sydd ymlaen yn .+ at eich calendr/ })
	).toHaveAttribute('href', `/cy/patches/${PATCH}/calendar.ics`);
	const welsh = await request.get(`/cy/patches/${PATCH}/calendar.ics`);
	expect(welsh.status()).toBe(200);
	expect(await welsh.text()).toContain('X-WR-CALNAME:Beth sydd ymlaen yn');

	for (const path of ['/assets/999999/calendar.ics', '/patches/nowhere/calendar.ics']) {
		expect((await request.get(path)).status(), path).toBe(404);
	}
});
