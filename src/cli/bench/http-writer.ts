/**
 * The benchmark's third process: while the loader reads, it writes as people do, through the same
 * forms. It signs in as the demo coordinator and saves their entries with a new description, and sends
 * resident suggestions, each from its own address (X-Forwarded-For; the server runs with
 * ADDRESS_HEADER set), so the 5-an-hour limit for one address never refuses them. It writes down each
 * write the server acknowledged (a 303 after a save, "sent" after a suggestion) as a JSON file, for
 * http-load.ts to look for in the database once the server has stopped.
 *
 *   tsx src/cli/bench/http-writer.ts <base url> <seconds> <output.json>
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unflatten } from 'devalue';

export const DEMO_COORDINATOR = {
	email: 'tracey.thwaite@example.org',
	password: 'coordinator-demo-2026'
};

/** Written by the writer, read by the checker. */
export interface Acknowledged {
	/** Markers of saved entry descriptions, with the entry saved. */
	edits: { entryId: number; marker: string }[];
	/** Names of suggested groups the server thanked for. */
	suggestions: string[];
	/** Writes refused or failed (status or error), which are not counted as acknowledged. */
	failures: string[];
}

type Fields = Record<string, string[]>;

/** The pause between one write's answer and the next write. */
const PAUSE_MS = 250;
/** A request unanswered this long counts as failed (a write it carried is not counted as acknowledged). */
const TIMEOUT_MS = 20_000;

/** A page's data as SvelteKit sends it to the browser (`__data.json`), the last node unpacked. */
async function pageData(base: string, path: string, cookie: string) {
	const response = await fetch(`${base}${path}/__data.json`, {
		headers: { cookie },
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	if (!response.ok) return null;
	const body = (await response.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
	const node = body.nodes.at(-1);
	if (!node || node.type !== 'data' || !node.data) return null;
	return unflatten(node.data as never) as Record<string, unknown>;
}

function form(fields: Record<string, string | string[]>): URLSearchParams {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	return body;
}

/** Posts a form to an action; SvelteKit answers in JSON: { type: 'redirect' | 'success' | 'failure', … }. */
async function post(
	base: string,
	path: string,
	body: URLSearchParams,
	headers: Record<string, string>
) {
	const response = await fetch(`${base}${path}`, {
		method: 'POST',
		body,
		redirect: 'manual',
		signal: AbortSignal.timeout(TIMEOUT_MS),
		headers: {
			origin: base,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		}
	});
	const text = await response.text();
	let answer: { type?: string; location?: string; data?: string } = {};
	try {
		answer = JSON.parse(text);
	} catch {
		// Not JSON: an error page.
	}
	return { status: response.status, answer, cookies: response.headers.getSetCookie() };
}

/** Signs the demo coordinator in and returns the session cookie. */
async function signIn(base: string): Promise<string> {
	const response = await post(base, '/login', form({ ...DEMO_COORDINATOR, redirectTo: '/' }), {
		'x-forwarded-for': '10.0.0.1'
	});
	const cookie = response.cookies.find((c) => c.startsWith('patchwork_session='));
	if (response.answer.type !== 'redirect' || !cookie) {
		throw new Error(`Signing in as the demo coordinator answered ${response.status}`);
	}
	return cookie.split(';')[0];
}

/** Entries the coordinator may edit: those of their patch whose editor opens. */
async function editableEntries(base: string, cookie: string, patchSlug: string) {
	const patch = await pageData(base, `/patches/${patchSlug}`, cookie);
	const ids = ((patch?.assets ?? []) as { id: number }[]).map((asset) => asset.id);
	const editable: number[] = [];
	for (const id of ids) {
		if (editable.length >= 8) break;
		if (await pageData(base, `/entries/${id}/edit`, cookie)) editable.push(id);
	}
	if (editable.length === 0) throw new Error(`The coordinator can edit no entry in ${patchSlug}`);
	return editable;
}

/** Writes until `seconds` have passed, one at a time, edits and suggestions taking turns. */
export async function runWriter(
	base: string,
	seconds: number,
	patchSlug: string,
	onWrite: (done: Acknowledged) => void = () => {}
): Promise<Acknowledged> {
	const done: Acknowledged = { edits: [], suggestions: [], failures: [] };
	const cookie = await signIn(base);
	const entries = await editableEntries(base, cookie, patchSlug);
	const suggestForm = await pageData(base, '/suggest', '');
	const category = String((suggestForm?.categories as { id: string }[])[0].id);
	const runId = Date.now().toString(36);
	const end = Date.now() + seconds * 1000;
	for (let n = 0; Date.now() < end; n++) {
		// Far more often than people write (4 a second), and still a reading load's background.
		if (n > 0) await new Promise((r) => setTimeout(r, PAUSE_MS));
		try {
			if (n % 2 === 0) {
				const entryId = entries[(n / 2) % entries.length];
				const data = await pageData(base, `/entries/${entryId}/edit`, cookie);
				const values = data?.values as Fields;
				const version = String((data?.entry as { version: number }).version);
				const marker = `bench-edit-${runId}-${n}`;
				const fields = {
					...values,
					version: [version],
					description: [`Checked under load (${marker}).`]
				};
				const response = await post(base, `/entries/${entryId}/edit?/save`, form(fields), {
					cookie
				});
				const { type, location = '' } = response.answer;
				if (type === 'redirect' && location.includes('done=saved')) {
					done.edits.push({ entryId, marker });
				} else
					done.failures.push(`edit of entry ${entryId}: ${response.status} ${type} ${location}`);
			} else {
				const name = `Bench group ${runId}-${n}`;
				const response = await post(
					base,
					'/suggest',
					form({
						name,
						description: 'A group suggested while the site was under load.',
						whenWhere: 'Tuesdays at the library',
						category,
						kind: 'group'
					}),
					// Its own address: 10.1.x.y, a new one for each suggestion.
					{ 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n & 255}` }
				);
				const { type, data = '' } = response.answer;
				if (type === 'success' && data.includes('sent')) done.suggestions.push(name);
				else done.failures.push(`suggestion ${n}: ${response.status} ${type}`);
			}
		} catch (error) {
			done.failures.push(`write ${n}: ${(error as Error).message}`);
		}
		onWrite(done);
	}
	return done;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [base, seconds, out, patchSlug] = process.argv.slice(2);
	const save = (done: Acknowledged) => writeFileSync(out, JSON.stringify(done));
	// Saved after every write too, so a writer stopped early still says what was acknowledged.
	runWriter(base, Number(seconds), patchSlug, save).then(
		(done) => save(done),
		(error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		}
	);
}
