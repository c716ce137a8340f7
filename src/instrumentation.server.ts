/**
 * Runs before the built server's own code is loaded (kit.experimental.instrumentation.server in
 * svelte.config.js), the only moment to reach what adapter-node sets up as it loads:
 * - ORIGIN, which it reads once: given a default, or the server stops with a message;
 * - its Node server, which serves built and static files before any hook: safety headers on those.
 * `vite dev` serves on its own address and server and needs neither.
 */
import { applyDefaultOrigin } from '$lib/server/http/origin';
import { installNodeSecurityHeaders } from '$lib/server/http/node-headers';

if (!import.meta.env.DEV) {
	applyDefaultOrigin(process.env);
	installNodeSecurityHeaders(process.env);
}
