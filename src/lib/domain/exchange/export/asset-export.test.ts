import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../csv';
import {
	assetsToCsv,
	assetsToGeoJson,
	DEFAULT_LICENCE,
	exportFileName,
	type ExportAsset
} from './asset-export';

const asset: ExportAsset = {
	id: 9,
	kind: 'service',
	sector: 'statutory',
	name: 'Benefits advice',
	nameCy: 'Cyngor budd-daliadau',
	description: 'Help with forms.',
	locationKind: 'place',
	lon: -2.9,
	lat: 53.05,
	address: '1 High Street, Aldermoor',
	postcode: 'FV7 0RE',
	venueName: 'Aldermoor Library',
	categories: ['Money and debt'],
	contacts: [
		{ kind: 'phone', value: '01632 960002' },
		{ kind: 'email', value: 'advice@example.org' },
		{ kind: 'phone', value: '01632 960003' }
	],
	sessions: [
		{
			frequency: 'monthly',
			weekday: 1,
			weekOfMonth: 1,
			startTime: '09:30',
			endTime: '12:00',
			note: 'Bring letters'
		}
	],
	accessibility: ['step_free'],
	ageMin: 18,
	ageMax: null,
	cost: 'free',
	costDetail: null,
	languages: ['en', 'pl'],
	lastVerifiedOn: '2026-10-01',
	updatedAt: '2026-11-01T10:00:00.000Z'
};
const meta = {
	title: 'Test borough',
	licence: DEFAULT_LICENCE,
	exportedOn: '2026-11-25',
	origin: 'https://x.example'
};

describe('assetsToCsv', () => {
	it('writes labels people read, lists joined with semicolons', () => {
		const [row] = parseCsv(assetsToCsv([asset], meta)).rows;
		expect(row.values).toMatchObject({
			kind: 'Service',
			sector: 'Statutory service',
			phone: '01632 960002; 01632 960003',
			sessions: 'First Monday of the month, 09:30-12:00 (Bring letters)',
			cost: 'Free',
			age_min: '18',
			age_max: '',
			accessibility: 'Step-free access',
			languages: 'English; Polish',
			meets_at: 'Aldermoor Library',
			exported_on: '2026-11-25'
		});
	});
});

describe('assetsToGeoJson', () => {
	it('keeps lists as arrays and coordinates in the geometry only', () => {
		const collection = assetsToGeoJson([asset], meta);
		const [feature] = collection.features;
		expect(feature.geometry).toEqual({ type: 'Point', coordinates: [-2.9, 53.05] });
		expect(feature.properties.phone).toEqual(['01632 960002', '01632 960003']);
		expect(feature.properties).not.toHaveProperty('latitude');
		expect(feature.properties).not.toHaveProperty('licence');
		expect(collection.licence).toEqual(DEFAULT_LICENCE);
	});
});

describe('exportFileName', () => {
	it('names the programme, the patch if any, and the date', () => {
		expect(exportFileName('fennick-vale', null, '2026-11-25', 'csv')).toBe(
			'fennick-vale-assets-2026-11-25.csv'
		);
		expect(exportFileName('fennick-vale', 'aldermoor', '2026-11-25', 'geojson')).toBe(
			'fennick-vale-aldermoor-assets-2026-11-25.geojson'
		);
	});
});

describe('the spreadsheet guard', () => {
	const club = { ...asset, name: '+44 Club', description: '=HYPERLINK("http://x")' };

	it('guards CSV cells a spreadsheet would run as a formula', () => {
		const [row] = parseCsv(assetsToCsv([club], meta)).rows;
		expect(row.values.name).toBe("'+44 Club");
		expect(row.values.description).toBe('\'=HYPERLINK("http://x")');
	});

	it('leaves GeoJSON text as it is: no spreadsheet reads it', () => {
		const [feature] = assetsToGeoJson([club], meta).features;
		expect(feature.properties.name).toBe('+44 Club');
		expect(feature.properties.description).toBe('=HYPERLINK("http://x")');
	});
});
