import { env } from '$env/dynamic/private';
import { serveBasemapFile } from '$lib/server/basemap';
import type { RequestHandler } from './$types';

/** The GeoJSON basemap named by BASEMAP_GEOJSON (the demo's); 404 when none is set. */
export const GET: RequestHandler = ({ request }) =>
	serveBasemapFile(env, 'BASEMAP_GEOJSON', request, 'application/geo+json');
