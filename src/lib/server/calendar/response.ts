/** A calendar feed as an HTTP response: iCalendar text that calendar apps can open or subscribe to. */
export function calendarResponse(text: string, fileName: string): Response {
	return new Response(text, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `inline; filename="${fileName}"`,
			// Sessions change slowly; an hour keeps subscribed calendars fresh enough.
			'Cache-Control': 'public, max-age=3600'
		}
	});
}
