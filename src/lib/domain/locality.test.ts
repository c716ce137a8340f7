import { describe, expect, it } from 'vitest';
import {
	addressLocality,
	placesForRepeatedNames,
	postcodeDistrict,
	repeatedNameIds
} from './locality';

describe('telling same-named places apart', () => {
	it('reads the district of a postcode and the locality of an address', () => {
		expect(postcodeDistrict('m32 0tn')).toBe('M32');
		expect(postcodeDistrict('WA15 8DP')).toBe('WA15');
		expect(postcodeDistrict('not a postcode')).toBeNull();
		expect(addressLocality('12 High Street, Stretford, Manchester M32 0TN')).toBe('Stretford');
		expect(addressLocality('Church Road, Urmston')).toBe('Urmston');
		expect(addressLocality('Church Road')).toBeNull();
	});

	it('finds names that repeat, whatever their case and punctuation', () => {
		const ids = repeatedNameIds([
			{ id: 1, name: 'Christ Church' },
			{ id: 2, name: 'christ church' },
			{ id: 3, name: 'Christ-Church' },
			{ id: 4, name: 'St Mary' }
		]);
		expect([...ids].sort()).toEqual([1, 2, 3]);
	});

	it('gives each repeated name a place: address, else postcode district, else its area', () => {
		// Three "Christ Church" from Trafford's places of worship, with no address at all.
		const places = placesForRepeatedNames(
			[
				{ id: 1, name: 'Christ Church' },
				{ id: 2, name: 'Christ Church', postcode: 'M33 3AB' },
				{ id: 3, name: 'Christ Church', address: 'Church Road, Davyhulme, Urmston' },
				{ id: 4, name: 'Sale Library', postcode: 'M33 7ZF' }
			],
			new Map([
				[1, 'Flixton'],
				[2, 'Sale Central'],
				[4, 'Sale Central']
			])
		);
		expect(Object.fromEntries(places)).toEqual({ 1: 'Flixton', 2: 'M33', 3: 'Davyhulme' });
	});
});
