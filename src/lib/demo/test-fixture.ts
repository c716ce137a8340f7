/**
 * For tests: the demo borough generated from the default seed, every file parsed with its schema.
 * Generated once per test file and shared by its tests.
 */
import {
	demoAssetsSchema,
	demoCategoriesSchema,
	demoPatchesSchema,
	demoProgrammeSchema,
	demoSmallAreasSchema,
	demoSuggestionsSchema,
	demoUsersSchema
} from '../domain/schemas/demo-borough';
import { buildDemoBorough, renderDemoBasemap, renderDemoFiles, type DemoFiles } from './index';

export interface ParsedDemo {
	files: DemoFiles;
	programme: ReturnType<typeof demoProgrammeSchema.parse>;
	smallAreas: ReturnType<typeof demoSmallAreasSchema.parse>;
	patches: ReturnType<typeof demoPatchesSchema.parse>;
	categories: ReturnType<typeof demoCategoriesSchema.parse>;
	assets: ReturnType<typeof demoAssetsSchema.parse>;
	users: ReturnType<typeof demoUsersSchema.parse>;
	suggestions: ReturnType<typeof demoSuggestionsSchema.parse>;
	postcodes: { pcds: string; lat: number; long: number }[];
	/** data/demo/basemap.geojson as generated. */
	basemap: string;
}

let cached: ParsedDemo | undefined;

/** The generated demo, parsed; throws (failing the test) if any file does not match its schema. */
export function generatedDemo(): ParsedDemo {
	if (cached) return cached;
	const borough = buildDemoBorough();
	const files = renderDemoFiles(borough);
	const [header, ...rows] = files.postcodes.trimEnd().split('\n');
	if (header !== 'pcds,lat,long') throw new Error(`postcodes.csv header is "${header}"`);
	cached = {
		files,
		programme: demoProgrammeSchema.parse(JSON.parse(files.programme)),
		smallAreas: demoSmallAreasSchema.parse(JSON.parse(files.smallAreas)),
		patches: demoPatchesSchema.parse(JSON.parse(files.patches)),
		categories: demoCategoriesSchema.parse(JSON.parse(files.categories)),
		assets: demoAssetsSchema.parse(JSON.parse(files.assets)),
		users: demoUsersSchema.parse(JSON.parse(files.users)),
		suggestions: demoSuggestionsSchema.parse(JSON.parse(files.suggestions)),
		postcodes: rows.map((row) => {
			const [pcds, lat, long] = row.split(',');
			return { pcds, lat: Number(lat), long: Number(long) };
		}),
		basemap: renderDemoBasemap(borough)
	};
	return cached;
}
