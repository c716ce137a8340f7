import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { assetFeed } from '$lib/server/calendar/feeds';
import { calendarResponse } from '$lib/server/calendar/response';
import { calendarFeed } from '$lib/domain/calendar-feed';
import { londonDate } from '$lib/domain/sessions';
import { href, pageLang } from '$lib/components/lang';
import type { RequestHandler } from './$types';

/** An entry's sessions as an iCalendar feed, for "Add to calendar". */
export const GET: RequestHandler = ({ params, url }) => {
	const feed = assetFeed(getDb(), Number(params.id), pageLang(), (path) => url.origin + href(path));
	if (!feed) error(404, 'Page not found');
	const now = new Date();
	const text = calendarFeed(feed.entries, {
		name: feed.name,
		host: url.host,
		today: londonDate(now),
		now
	});
	return calendarResponse(text, `entry-${params.id}.ics`);
};
