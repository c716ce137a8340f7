/** Turns a zod error into plain sentences that name the file, the row or feature and the field. */
import type { z } from 'zod';

/**
 * Describes each issue of a zod error, e.g.
 * `assets.json: item 13, field "sessions.0.weekday": Too big: expected number to be <=7`.
 * Array indexes are shown counting from 1, as people count rows.
 * @param source the file or input the value came from, used at the start of every line
 */
export function describeZodError(error: z.ZodError, source: string, maxIssues = 10): string {
	const lines = error.issues.slice(0, maxIssues).map((issue) => {
		const [first, ...rest] = issue.path;
		const where: string[] = [];
		if (typeof first === 'number') where.push(`item ${first + 1}`);
		const fieldPath = (typeof first === 'number' ? rest : issue.path).map(String).join('.');
		if (fieldPath) where.push(`field "${fieldPath}"`);
		return `${source}${where.length ? ': ' + where.join(', ') : ''}: ${issue.message}`;
	});
	const more = error.issues.length - lines.length;
	if (more > 0) lines.push(`…and ${more} more ${more === 1 ? 'problem' : 'problems'} in ${source}`);
	return lines.join('\n');
}
