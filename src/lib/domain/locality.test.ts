import { describe, expect, it } from 'vitest';
import {
	addressFirstLine,
	addressLocality,
	detailsApart,
	placesApart,
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

	it('goes further for the same name at the same place: the street, else the postcode', () => {
		expect(addressFirstLine('12 High Street, Stretford, Manchester M32 0TN')).toBe(
			'12 High Street'
		);
		expect(addressFirstLine('M32 0TN')).toBeNull();
		const entries = [
			{ id: 1, name: 'Scout Hut', address: 'Moss Lane, Sale' },
			{ id: 2, name: 'Scout Hut', address: 'Cross Street, Sale' },
			{ id: 3, name: 'Food Bank', postcode: 'M33 7ZF' },
			{ id: 4, name: 'Food bank', postcode: 'm33 2ab' },
			{ id: 5, name: 'Library', postcode: 'M33 7ZF' },
			{ id: 6, name: 'Library', postcode: 'M41 0AB' }
		];
		const places = placesForRepeatedNames(entries);
		expect(Object.fromEntries(places)).toEqual({
			1: 'Sale',
			2: 'Sale',
			3: 'M33',
			4: 'M33',
			5: 'M33',
			6: 'M41'
		});
		// The libraries' places already differ: nothing more is added to them.
		expect(Object.fromEntries(placesApart(entries, places))).toEqual({
			1: 'Moss Lane',
			2: 'Cross Street',
			3: 'M33 7ZF',
			4: 'M33 2AB'
		});
	});

	it('says where each lies from the others when nothing else differs', () => {
		// Trafford's two "Christ Church" buildings in one ward, about 26 metres apart, no address.
		const church = { name: 'Christ Church' };
		const pair = [
			{ ...church, id: 1, lon: -2.3453, lat: 53.45758 },
			{ ...church, id: 2, lon: -2.34497, lat: 53.45746 }
		];
		const ward = new Map([
			[1, 'Lostock & Barton'],
			[2, 'Lostock & Barton']
		]);
		const places = placesForRepeatedNames(pair, ward);
		expect(Object.fromEntries(places)).toEqual({ 1: 'Lostock & Barton', 2: 'Lostock & Barton' });
		expect(Object.fromEntries(placesApart(pair, places))).toEqual({
			1: '30 metres north-west of the other',
			2: '30 metres south-east of the other'
		});
		expect(Object.fromEntries(placesApart(pair, places, 'cy'))).toEqual({
			1: "30 metr i'r gogledd-orllewin o'r llall",
			2: "30 metr i'r de-ddwyrain o'r llall"
		});
	});

	it('measures from the middle of the others when three share a place', () => {
		const details = detailsApart([
			{ id: 1, name: 'Hall', lon: -2.3, lat: 53.4 },
			{ id: 2, name: 'Hall', lon: -2.3, lat: 53.401 },
			{ id: 3, name: 'Hall', lon: -2.3, lat: 53.402 }
		]);
		expect(Object.fromEntries(details)).toEqual({
			1: '170 metres south of the others',
			3: '170 metres north of the others'
		});
	});

	it('gives no direction for entries in one spot, or without a point', () => {
		const details = detailsApart([
			{ id: 1, name: 'Hall', lon: -2.3, lat: 53.4 },
			{ id: 2, name: 'Hall', lon: -2.3, lat: 53.40001 },
			{ id: 3, name: 'Hall' }
		]);
		expect(details.size).toBe(0);
	});
});
