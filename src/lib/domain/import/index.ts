/** Reading and checking import files: boundaries, population and patches. Pure: no database, no I/O. */
export { ImportError, ProblemList, MAX_PROBLEMS_SHOWN } from './errors';
export * from './limits';
export { parseJsonText, lineAndColumn } from './json';
export {
	BNG_PROJ4,
	CRS_LABELS,
	bngToWgs84,
	wgs84ToBng,
	declaredCrs,
	crsNote,
	type Crs
} from './crs';
export { readAreaFeatures, featuresOf, type AreaFeature, type AreaFeatures } from './features';
export {
	parseSmallAreaBoundaries,
	kindOfCode,
	CODE_PROPERTIES,
	type SmallAreaFile,
	type SmallAreaRecord
} from './small-areas';
export {
	parsePatchBoundaries,
	PATCH_NAME_PROPERTIES,
	type PatchFile,
	type PatchRecord
} from './patches';
export {
	parsePopulationCsv,
	parsePeople,
	CODE_COLUMNS,
	type PopulationFile,
	type PopulationRow,
	type PopulationShape
} from './population';
export { joinPopulation, joinProblems, joinWarnings, describeJoin, type JoinReport } from './join';
export { slugify } from './slug';
export * from './options';
export * from './summary';
