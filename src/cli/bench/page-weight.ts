/**
 * Page weight of the directory's search page: the JavaScript a browser loads before any map (the
 * page's module preloads and entry imports, followed through their static imports, not dynamic
 * ones), gzipped. Target: under 60 KB. Also confirms MapLibre is not among those files.
 *
 * Usage: start the built app (npm run build && node build), then
 *   tsx src/cli/bench/page-weight.ts [URL]   (default http://localhost:3000/search?q=walk)
 * Exits 1 when MapLibre is in the first load or the page cannot be fetched.
 */
import { gzipSync } from 'node:zlib';

const TARGET_KB = 60;
/** Strings only MapLibre's own code holds. */
const MAPLIBRE_MARKERS = ['maplibregl-canvas-container', 'WebGL2RenderingContext', 'getWorkerUrl'];

/** Script URLs a page loads up front: modulepreload links, module scripts and the inline entry's imports. */
export function initialScripts(html: string, base: URL): URL[] {
	const found = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (/\brel="modulepreload"/.test(tag) && href) found.add(new URL(href, base).href);
	}
	for (const [, src] of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) {
		found.add(new URL(src, base).href);
	}
	// SvelteKit starts the app from an inline script with import("…/start.js"), import("…/app.js");
	// under the Content-Security-Policy that script carries a nonce attribute.
	for (const [, inline] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const [, path] of inline.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) {
			found.add(new URL(path, base).href);
		}
	}
	return [...found].map((href) => new URL(href));
}

/** The page's route nodes ("node_ids: [0, 17]"), which the app entry imports by number. */
export function nodeIds(html: string): number[] {
	const list = /node_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1] ?? '';
	return list
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean)
		.map(Number);
}

/** A route node's file as the app entry names it ("../nodes/17.AbC.js"), or null. */
export function nodeFile(appCode: string, id: number, appUrl: URL): URL | null {
	const path = new RegExp(`["']([^"']*nodes/${id}\\.[\\w-]+\\.js)["']`).exec(appCode)?.[1];
	return path ? new URL(path, appUrl) : null;
}

/** Static imports of a module ("import … from './x.js'", "import './y.js'"): dynamic ones are left out. */
export function staticImports(code: string, from: URL): URL[] {
	const out: URL[] = [];
	for (const [, path] of code.matchAll(
		/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g
	)) {
		out.push(new URL(path, from));
	}
	return out;
}

async function main() {
	const pageUrl = new URL(process.argv[2] ?? 'http://localhost:3000/search?q=walk');
	const response = await fetch(pageUrl);
	if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
	const html = await response.text();
	const queue = initialScripts(html, pageUrl);
	const seen = new Map<string, { raw: number; gzip: number; maplibre: boolean }>();
	while (queue.length > 0) {
		const url = queue.shift()!;
		if (seen.has(url.href)) continue;
		const code = await (await fetch(url)).text();
		seen.set(url.href, {
			raw: Buffer.byteLength(code),
			gzip: gzipSync(code, { level: 9 }).length,
			maplibre: MAPLIBRE_MARKERS.some((marker) => code.includes(marker))
		});
		queue.push(...staticImports(code, url));
		// The entry loads the page's own route nodes straight away (not when a map is shown).
		if (/\/entry\/app\.[\w-]+\.js$/.test(url.pathname)) {
			for (const id of nodeIds(html)) {
				const node = nodeFile(code, id, url);
				if (node) queue.push(node);
				else throw new Error(`Route node ${id} not found in ${url.pathname}`);
			}
		}
	}
	const rows = [...seen].sort((a, b) => b[1].gzip - a[1].gzip);
	const total = rows.reduce((sum, [, file]) => sum + file.gzip, 0);
	const raw = rows.reduce((sum, [, file]) => sum + file.raw, 0);
	console.log(`Page: ${pageUrl.href}`);
	for (const [href, file] of rows) {
		console.log(`${(file.gzip / 1024).toFixed(1).padStart(7)} KB  ${new URL(href).pathname}`);
	}
	const kb = total / 1024;
	console.log(
		`JavaScript before the map: ${rows.length} files, ${kb.toFixed(1)} KB gzipped ` +
			`(${(raw / 1024).toFixed(1)} KB raw); target under ${TARGET_KB} KB: ${kb < TARGET_KB ? 'met' : 'NOT met'}`
	);
	const withMapLibre = rows.filter(([, file]) => file.maplibre);
	console.log(
		withMapLibre.length === 0
			? 'MapLibre is not in the first load.'
			: `MapLibre IS in the first load: ${withMapLibre.map(([href]) => href).join(', ')}`
	);
	if (withMapLibre.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
