/**
 * Names for Geoman's corner handles. Leaflet makes every marker a focusable role="button" with no
 * name, which screen readers announce as just "button", dozens of times. From the keyboard,
 * corners are changed with the editor's "Change corners" (./keyboard-corners.ts), not by tabbing
 * through dozens of handles, so they leave the tab order and get a name that says what they are.
 */

/**
 * The accessible name for a marker element by its classes, or null when it is not one of Geoman's
 * handles (and should be left alone).
 * @example vertexMarkerLabel('marker-icon leaflet-marker-icon') // 'Corner of the boundary'
 */
export function vertexMarkerLabel(className: string): string | null {
	const classes = new Set(className.split(/\s+/));
	if (!classes.has('leaflet-marker-icon')) return null;
	if (classes.has('marker-icon-middle')) return 'Middle of an edge: drag to add a corner';
	if (classes.has('marker-icon')) return 'Corner of the boundary';
	return null;
}

function label(element: Element): void {
	if (element.getAttribute('aria-label')) return;
	const name = vertexMarkerLabel(element.getAttribute('class') ?? '');
	if (!name) return;
	element.setAttribute('aria-label', name);
	element.setAttribute('tabindex', '-1');
}

/**
 * Names every handle in `root` now and as Geoman adds more.
 * @returns a function that stops watching
 */
export function labelVertexMarkers(root: HTMLElement): () => void {
	root.querySelectorAll('.leaflet-marker-icon').forEach(label);
	const observer = new MutationObserver((records) => {
		for (const record of records) {
			for (const node of record.addedNodes) {
				if (node instanceof Element) {
					label(node);
					node.querySelectorAll('.leaflet-marker-icon').forEach(label);
				}
			}
		}
	});
	observer.observe(root, { childList: true, subtree: true });
	return () => observer.disconnect();
}
