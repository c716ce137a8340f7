import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { patchFeed } from '$lib/server/calendar/feeds';
import { calendarResponse } from '$lib/server/calendar/response';
import { calendarFeed } from '$lib/domain/calendar-feed';
import { londonDate } from '$lib/domain/sessions';
import { href, pageLang } from '$lib/components/lang';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);

/** A patch's "What's on" (every public entry's sessions there) as an iCalendar feed. */
export const GET: RequestHandler = ({ params, url }) => {
	const slug = slugSchema.safeParse(params.slug);
	const feed = slug.success
		? patchFeed(getDb(), slug.data, pageLang(), (path) => url.origin + href(path))
		: null;
	if (!feed) error(404, 'Page not found');
	const now = new Date();
	const text = calendarFeed(feed.entries, {
		name: m.calendar_patch_feed_name({ patch: feed.name }),
		host: url.host,
		today: londonDate(now),
		now
	});
	return calendarResponse(text, `${params.slug}.ics`);
};
