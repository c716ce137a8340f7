/**
 * Charts as accessible SVG, drawn on the server with Observable Plot (@observablehq/plot 0.6.17)
 * into a linkedom document (linkedom 0.18.15), so a page gets finished SVG: it works without
 * JavaScript, prints, and the chart library never reaches the browser (it lives under $lib/server,
 * which SvelteKit keeps out of client bundles).
 *
 * Why Plot rather than LayerCake (11.0): LayerCake is a layout frame (scales, sizes, SSR) whose
 * marks (bars, cells, maps) a project writes itself as Svelte components; Plot supplies the marks,
 * axes and geographic projections, takes `ariaLabel` and renders headless with any DOM
 * implementation passed as `document`. So Patchwork writes no chart drawing code of its own.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface RenderedChart {
	/** The chart's accessible name: its title. */
	title: string;
	/** What the chart shows, in words, for everyone (shown under it and linked as its description). */
	summary: string;
	/** The SVG markup, with role="img", aria-label and a <title>. */
	svg: string;
}

/**
 * Renders a Plot chart as an SVG string with role="img", the title as its accessible name (aria-label
 * and <title>), and aria-describedby pointing at `describedBy` (the id of the summary beside it).
 * Plot's own aria-description (not in ARIA 1.2) and its groups' labels are dropped.
 * @example renderChart({ title: 'Demand', summary: '…', describedBy: 'demand-summary' }, { marks: […] })
 */
export function renderChart(
	text: { title: string; summary: string; describedBy?: string },
	options: Plot.PlotOptions
): RenderedChart {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
	const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
	if (!svg) throw new Error('Plot drew no SVG');
	// Inside role="img" the parts are presentational; Plot labels its groups ("bar", "geo"), which
	// axe reports as aria-prohibited-attr on <g>: the chart is named once, on the <svg>.
	for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
		part.removeAttribute('aria-label');
		part.removeAttribute('aria-description');
	}
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', text.title);
	svg.removeAttribute('aria-description');
	if (text.describedBy) svg.setAttribute('aria-describedby', text.describedBy);
	const title = document.createElement('title');
	title.textContent = text.title;
	svg.insertBefore(title, svg.firstChild);
	return { title: text.title, summary: text.summary, svg: svg.outerHTML };
}
