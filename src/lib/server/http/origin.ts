/**
 * The site's public address (ORIGIN) when none is set. adapter-node builds every request's URL from
 * ORIGIN; without it, it takes every request to have come over HTTPS, so on plain HTTP each form post
 * fails SvelteKit's cross-site check (403 "Cross-site POST form submissions are forbidden"), signing
 * in included (issue 14, finding 3). Run before the server is loaded (src/instrumentation.server.ts):
 * adapter-node reads ORIGIN once, as it loads.
 */

export type OriginDecision =
	| { action: 'keep' }
	| { action: 'default'; origin: string; note: string }
	| { action: 'refuse'; message: string };

/** Addresses only this computer can reach. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * What to do about ORIGIN at start-up: keep what is set (ORIGIN, or a proxy's PROTOCOL_HEADER and
 * HOST_HEADER, from which adapter-node builds the address); default it to http://localhost:PORT when
 * the site is served on this computer only (HOST unset or loopback); otherwise refuse to start, since
 * no address can be guessed and every form would fail.
 * @example decideOrigin({ PORT: '8080' }) // { action: 'default', origin: 'http://localhost:8080', … }
 */
export function decideOrigin(env: Record<string, string | undefined>): OriginDecision {
	const set = (name: string) => Boolean(env[name]?.trim());
	if (set('ORIGIN') || set('PROTOCOL_HEADER') || set('HOST_HEADER')) return { action: 'keep' };
	const host = env.HOST?.trim() ?? '';
	if (!set('SOCKET_PATH') && (host === '' || LOOPBACK.test(host))) {
		const origin = `http://localhost:${env.PORT?.trim() || '3000'}`;
		return {
			action: 'default',
			origin,
			note:
				`Patchwork: ORIGIN is not set, so the site's address is taken to be ${origin}: open it there. ` +
				'Set ORIGIN to the address people use when it is served to others.'
		};
	}
	const where = set('SOCKET_PATH') ? `SOCKET_PATH is ${env.SOCKET_PATH}` : `HOST is ${host}`;
	return {
		action: 'refuse',
		message:
			'Patchwork could not start: set ORIGIN to the address people use to reach the site, for ' +
			'example ORIGIN=https://patchwork.example.gov.uk. Without it every form, signing in ' +
			`included, would be refused. (${where}, so the site is served to others and its address ` +
			'cannot be guessed. Behind a proxy that passes on how the site was reached, setting ' +
			'PROTOCOL_HEADER and HOST_HEADER instead also works.)'
	};
}

/**
 * Applies decideOrigin to the environment: sets ORIGIN and logs one line, or prints the reason and
 * exits, before the server has started.
 */
export function applyDefaultOrigin(
	env: Record<string, string | undefined> = process.env,
	{
		log = console.log,
		refuse = (message: string): void => {
			console.error(message);
			process.exit(1);
		}
	}: { log?: (line: string) => void; refuse?: (message: string) => void } = {}
): void {
	const decision = decideOrigin(env);
	if (decision.action === 'default') {
		env.ORIGIN = decision.origin;
		log(decision.note);
	} else if (decision.action === 'refuse') {
		refuse(decision.message);
	}
}
