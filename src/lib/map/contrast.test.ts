import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, luminance } from './contrast';

describe('contrastRatio', () => {
	it('matches the WCAG extremes and a known pair', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1);
		// #767676 on white is the well-known lightest grey that passes 4.5:1.
		expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
	});

	it('does not depend on the order', () => {
		expect(contrastRatio('#1d70b8', '#f8f8f6')).toBe(contrastRatio('#f8f8f6', '#1d70b8'));
	});

	it('refuses anything but #rrggbb', () => {
		expect(() => luminance('red')).toThrow(/#1d70b8/);
	});
});

describe('blend', () => {
	it('mixes a colour over another by opacity', () => {
		expect(blend('#000000', '#ffffff', 0.5)).toBe('#808080');
		expect(blend('#0072B2', '#ffffff', 0)).toBe('#ffffff');
		expect(blend('#0072B2', '#ffffff', 1)).toBe('#0072b2');
	});
});
