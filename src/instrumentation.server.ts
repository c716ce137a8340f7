/**
 * Runs before the built server's own code is loaded (kit.experimental.instrumentation.server in
 * svelte.config.js): the only moment ORIGIN can still be given a default, since adapter-node reads it
 * as it loads. `vite dev` serves on its own address and needs none.
 */
import { applyDefaultOrigin } from '$lib/server/http/origin';

if (!import.meta.env.DEV) applyDefaultOrigin(process.env);
