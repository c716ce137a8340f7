/** A popup's content as DOM (browser only): the place's name, linked to its page, and a detail line. */
import type { PopupContent } from './popup';

export function popupNode({ name, href, detail }: PopupContent): HTMLElement {
	// Built with textContent: names are typed by people and must never be parsed as HTML.
	const root = document.createElement('div');
	root.className = 'pw-popup';
	const title = document.createElement(href ? 'a' : 'strong');
	title.textContent = name;
	if (href) title.setAttribute('href', href);
	root.append(title);
	if (detail) {
		const p = document.createElement('p');
		p.textContent = detail;
		root.append(p);
	}
	return root;
}
