/**
 * CSV asset lists: a header row, then one asset per row, placed by latitude and longitude, by
 * easting and northing (British National Grid), or by a postcode looked up in Patchwork's
 * postcode table, in that order of preference. Cells are kept as text exactly as written: a cell
 * such as "=HYPERLINK(…)" is a name like any other here, and exports neutralise it.
 */
import { fail } from '../../import/errors';
import { csvRecords, CsvQuoteError } from '../../csv';
import { formatNumber } from '../../format';
import { MAX_ASSET_RECORDS } from './limits';
import { locateGrid, locatePair, type Located } from './locate';
import {
	applyRules,
	firstValue,
	indexProperties,
	joinedValue,
	propertyText,
	resolveFields,
	type AssetMapping,
	type MappedField
} from './mapping';
import { candidateFrom, recordRef, type ReaderWhere, type RecordOutcome } from './records';
import { describeFields, plainDescription } from './geojson';
import { propertyKey } from '../../import/properties';

const LOCATION_COLUMNS = {
	latitude: ['latitude', 'lat'],
	longitude: ['longitude', 'lon', 'long', 'lng'],
	easting: ['easting', 'eastings', 'x', 'x_coordinate'],
	northing: ['northing', 'northings', 'y', 'y_coordinate']
} as const;
type LocationColumn = keyof typeof LOCATION_COLUMNS;

function parseNumber(text: string): number | null {
	const value = Number(text.trim());
	return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/** Reads the header and rows of a CSV file. Throws ImportError for a broken or empty file. */
function readTable(
	text: string,
	source: string
): { header: string[]; rows: { line: number; fields: string[] }[] } {
	let records: { line: number; fields: string[] }[];
	try {
		records = [...csvRecords(text)];
	} catch (error) {
		if (error instanceof CsvQuoteError)
			fail(`${source}: ${error.message}, so the rest of the file would be one cell.`);
		throw error;
	}
	if (records.length === 0) fail(`${source} is empty.`);
	const header = records[0].fields.map((name) => name.trim());
	if (header.length === 1 && /[;\t]/.test(header[0])) {
		fail(
			`${source}: its header is one column, "${header[0].slice(0, 60)}": the file seems to be separated by ${header[0].includes(';') ? 'semicolons' : 'tabs'}. Save it as CSV (comma delimited).`
		);
	}
	const blank = header.findIndex((name) => name === '');
	if (blank !== -1 && header.slice(blank).some((name) => name !== '')) {
		fail(
			`${source}: column ${blank + 1} of the header row has no name. Every column needs a name.`
		);
	}
	const seen = new Map<string, number>();
	header.forEach((name, i) => {
		if (name === '') return;
		const key = propertyKey(name);
		if (seen.has(key))
			fail(
				`${source}: the header has "${name}" twice (columns ${seen.get(key)! + 1} and ${i + 1}).`
			);
		seen.set(key, i);
	});
	if (records.length - 1 > MAX_ASSET_RECORDS) {
		fail(
			`${source} has ${formatNumber(records.length - 1)} rows, more than the ${formatNumber(MAX_ASSET_RECORDS)} one file may have: split it.`
		);
	}
	if (records.length === 1) fail(`${source} has a header row but no rows of assets.`);
	return { header, rows: records.slice(1) };
}

/** Reads every row of a CSV asset list with a mapping (column names as its property names). */
export function readCsvAssets(
	text: string,
	mapping: AssetMapping,
	source: string
): { outcomes: RecordOutcome[]; notes: string[] } {
	const { header, rows } = readTable(text, source);
	const index = indexProperties(header.filter(Boolean));
	const fields = resolveFields(mapping, index);
	const columns: Partial<Record<LocationColumn, string>> = {};
	for (const column of Object.keys(LOCATION_COLUMNS) as LocationColumn[]) {
		const given = mapping[column];
		if (given !== undefined) {
			if (!index.has(propertyKey(given)))
				fail(
					`${source}: the mapping names the ${column} column "${given}", but the file has no such column.`
				);
			columns[column] = index.get(propertyKey(given));
		} else {
			const found = LOCATION_COLUMNS[column].find((candidate) => index.has(propertyKey(candidate)));
			if (found) columns[column] = index.get(propertyKey(found));
		}
	}
	if (!fields.name) {
		fail(
			`${source} has no name column (looked for ${['name', 'title', 'site_name'].map((n) => `"${n}"`).join(', ')} and others): say which column holds the name in a mapping file.`
		);
	}
	const located =
		columns.latitude && columns.longitude
			? 'latitude and longitude'
			: columns.easting && columns.northing
				? 'easting and northing'
				: null;
	const notes = [
		describeFields(fields, mapping),
		located
			? `Places from the ${located} columns ("${located.startsWith('lat') ? columns.latitude : columns.easting}", "${located.startsWith('lat') ? columns.longitude : columns.northing}")${fields.postcode ? ', or the postcode where they are blank' : ''}.`
			: fields.postcode
				? "Places from each row's postcode, looked up in Patchwork's postcode table."
				: 'The file has no latitude and longitude, easting and northing, or postcode columns, so no row can be placed.'
	];
	const outcomes = rows.map(({ line, fields: cells }): RecordOutcome => {
		// No prototype: a column called "__proto__" is a column like any other.
		const values: Record<string, string> = Object.create(null);
		header.forEach((name, i) => {
			if (name) values[name] = cells[i] ?? '';
		});
		const what = `line ${formatNumber(line)}`;
		const value = (field: MappedField) =>
			fields[field] === undefined ? null : firstValue(values, index, fields[field]!);
		const name = value('name');
		const ref = recordRef(what, name);
		if (!name)
			return {
				ok: false,
				ref,
				reasons: [
					`has no name in the "${typeof fields.name === 'string' ? fields.name : fields.name!.join('" or "')}" column`
				]
			};
		const where = rowWhere(values, columns, index);
		if ('problem' in where) return { ok: false, ref, reasons: [where.problem] };
		const rules = applyRules(mapping, (column) => propertyText(values, index, column));
		if (rules.skip) return { ok: false, ref, reasons: [`left out by the mapping: ${rules.skip}`] };
		const candidate = candidateFrom(
			ref,
			{
				externalId: value('id'),
				name,
				description: plainDescription(value('description')),
				address: fields.address === undefined ? null : joinedValue(values, index, fields.address),
				postcode: value('postcode'),
				website: value('website'),
				email: value('email'),
				phone: value('phone')
			},
			rules,
			rules.categories,
			where
		);
		if (
			cells.length > header.length &&
			cells.slice(header.length).some((cell) => cell.trim() !== '')
		) {
			candidate.warnings.push(
				`has ${cells.length} cells but the header has ${header.length}: the extra cells were ignored`
			);
		}
		return { ok: true, candidate };
	});
	return { outcomes, notes };
}

function rowWhere(
	values: Record<string, string>,
	columns: Partial<Record<LocationColumn, string>>,
	index: ReturnType<typeof indexProperties>
): ReaderWhere | { problem: string } {
	const cell = (column: LocationColumn) =>
		columns[column] ? propertyText(values, index, columns[column]!) : null;
	const pair = (
		a: LocationColumn,
		b: LocationColumn,
		locate: (x: number, y: number) => Located
	): ReaderWhere | { problem: string } | null => {
		const [first, second] = [cell(a), cell(b)];
		if (first === null && second === null) return null;
		if (first === null || second === null)
			return { problem: `has ${first === null ? b : a} but no ${first === null ? a : b}` };
		const [x, y] = [parseNumber(first), parseNumber(second)];
		if (x === null) return { problem: `has ${a} "${first.slice(0, 30)}", which is not a number` };
		if (y === null) return { problem: `has ${b} "${second.slice(0, 30)}", which is not a number` };
		const located = locate(x, y);
		return located.ok ? { point: located.point } : { problem: located.problem };
	};
	const lonLat = pair('latitude', 'longitude', (lat, lon) => locatePair(lon, lat));
	if (lonLat) return lonLat;
	// Columns called x and y are sometimes longitude and latitude: small values say which.
	const grid = pair('easting', 'northing', (x, y) =>
		Math.abs(x) <= 180 && Math.abs(y) <= 90 ? locatePair(x, y) : locateGrid(x, y)
	);
	if (grid) return grid;
	return { byPostcode: 'reject' };
}
