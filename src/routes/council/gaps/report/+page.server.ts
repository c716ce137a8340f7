import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { loadBoardReport } from '$lib/server/gaps/board-report';
import { parseGapQuery } from '$lib/domain/gaps/options';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

/** The gap analysis as a printable A4 report for a board meeting (council and admins). */
export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const { query, errors } = parseGapQuery(url.searchParams);
	const report = loadBoardReport(getDb(), query, londonDate(new Date()));
	if (report?.categoryError) errors.push(report.categoryError);
	const back = new URLSearchParams({
		threshold: String(query.threshold),
		method: query.method,
		...(query.category ? { category: query.category } : {})
	});
	return { report, errors, back: `/council/gaps?${back}` };
};
