import { env } from '$env/dynamic/private';
import { serveBasemapFile } from '$lib/server/basemap';
import type { RequestHandler } from './$types';

/** The PMTiles file named by BASEMAP_PMTILES, with range requests; 404 when none is set. */
export const GET: RequestHandler = ({ request }) =>
	serveBasemapFile(env, 'BASEMAP_PMTILES', request, 'application/vnd.pmtiles');
