/** Small GeoJSON for the map's tests: a square patch in Northfield and three places in it. */
import type { AreaCollection, PointCollection } from './types';

export const northfield: AreaCollection = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[-1.97, 52.41],
						[-1.95, 52.41],
						[-1.95, 52.43],
						[-1.97, 52.43],
						[-1.97, 52.41]
					]
				]
			},
			properties: { id: 1, name: 'Northfield', href: '/patches/northfield' }
		}
	]
};

export const places: PointCollection = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-1.96, 52.42] },
			properties: { id: 10, name: 'Tuesday Knit and Natter', kind: 'group', href: '/assets/10' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-1.955, 52.415] },
			properties: { id: 11, name: 'St Laurence Church Hall', kind: 'venue', href: '/assets/11' }
		},
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-1.965, 52.425] },
			properties: { id: 12, name: 'Citizens Advice', kind: 'service', href: '/assets/12' }
		}
	]
};
