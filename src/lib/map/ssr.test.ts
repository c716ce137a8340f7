// The server renders pages: the map components must render there without touching MapLibre or window.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AreaMap from './AreaMap.svelte';
import LazyAreaMap from './LazyAreaMap.svelte';
import { northfield, places } from './test-fixtures';

const props = { areas: northfield, points: places, label: 'Map of Northfield' };

describe('server rendering', () => {
	it('LazyAreaMap renders nothing, so a visitor without JavaScript only sees the page list', () => {
		const { body } = render(LazyAreaMap, { props });
		expect(body.replace(/<!--.*?-->/g, '').trim()).toBe('');
	});

	it('AreaMap renders its labelled region and key, not yet loaded', () => {
		const { body } = render(AreaMap, { props: { ...props, height: '20rem' } });
		expect(body).toContain('role="region"');
		expect(body).toContain('aria-label="Map of Northfield"');
		expect(body).toContain('height: 20rem');
		expect(body).not.toContain('data-map-loaded');
		expect(body.match(/<li\b/g)).toHaveLength(3);
		expect(body).toContain('Groups');
		expect(body).not.toContain('Informal supports');
	});

	it('AreaMap renders its key in Welsh when asked', () => {
		const { body } = render(AreaMap, { props: { ...props, lang: 'cy' } });
		expect(body).toContain('aria-label="Allwedd y map"');
		expect(body).toContain('Grwpiau');
		expect(body).not.toContain('Groups');
	});
});
