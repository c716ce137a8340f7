import { describe, expect, it } from 'vitest';
import { popupContent, safeHref } from './popup';

describe('safeHref', () => {
	it('keeps site paths and web addresses', () => {
		expect(safeHref('/assets/12')).toBe('/assets/12');
		expect(safeHref('https://example.org/club')).toBe('https://example.org/club');
		expect(safeHref('HTTP://example.org')).toBe('HTTP://example.org');
	});

	it('drops scripts, data, other hosts by // and anything not a string', () => {
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref(' javascript:alert(1)')).toBeNull();
		expect(safeHref('data:text/html,<b>')).toBeNull();
		expect(safeHref('//evil.example')).toBeNull();
		expect(safeHref('/\\evil.example')).toBeNull();
		expect(safeHref('')).toBeNull();
		expect(safeHref(undefined)).toBeNull();
		expect(safeHref(12)).toBeNull();
	});
});

describe('popupContent', () => {
	it('names a place, links to it and says what kind it is', () => {
		expect(
			popupContent({ id: 10, name: 'Tuesday Knit and Natter', kind: 'group', href: '/assets/10' })
		).toEqual({ name: 'Tuesday Knit and Natter', href: '/assets/10', detail: 'Group' });
		expect(popupContent({ name: 'Befriending', kind: 'informal_support', href: '/a' }).detail).toBe(
			'Informal support'
		);
	});

	it('says the kind, and names a nameless place, in Welsh on a Welsh page', () => {
		expect(popupContent({ name: 'Clwb Cinio', kind: 'group', href: '/cy/assets/3' }, 'cy')).toEqual(
			{ name: 'Clwb Cinio', href: '/cy/assets/3', detail: 'Grŵp' }
		);
		expect(popupContent({ kind: 'venue' }, 'cy')).toMatchObject({
			name: 'Lle heb enw',
			detail: 'Lleoliad'
		});
	});

	it('gives an area its band in plain words', () => {
		expect(popupContent({ name: 'Northfield', band: 'over', href: '/patches/northfield' })).toEqual(
			{
				name: 'Northfield',
				href: '/patches/northfield',
				detail: 'Over the limit'
			}
		);
	});

	it('keeps markup in a name as text and copes with missing fields', () => {
		expect(popupContent({ name: '<img src=x onerror=alert(1)>' }).name).toBe(
			'<img src=x onerror=alert(1)>'
		);
		expect(popupContent(null)).toEqual({ name: 'Unnamed place', href: null, detail: null });
		expect(popupContent({ name: '  ', kind: 'shop' })).toEqual({
			name: 'Unnamed place',
			href: null,
			detail: null
		});
	});
});
