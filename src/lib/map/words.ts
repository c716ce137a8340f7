/**
 * The words the map components show around the map, in English and Welsh, and MapLibre's own
 * (its canvas name, zoom buttons and gesture hints). The page's words (the map's label, the note
 * under it) come from the page; names of kinds come from $lib/components/labels.
 */
import type { Lang } from '$lib/domain/sessions';

export interface MapWords {
	/** The box shown while the map's code loads. */
	loading: string;
	/** Shown instead of the map when its code cannot be loaded. */
	loadFailed: string;
	/** Shown instead of the map when it cannot be drawn (no WebGL). */
	failed: string;
	/** The accessible name of the key below the map. */
	key: string;
	/** The key's entry for cluster rings. */
	cluster: string;
	/** The key's entries for the search's centre and the circle searched. */
	searchCentre: string;
	searchArea: string;
	/** A popup's title for a place without a name. */
	unnamed: string;
	/** MapLibre's `locale` option: its UI strings by their ids. */
	maplibre: Record<string, string>;
}

const WORDS: Record<Lang, MapWords> = {
	en: {
		loading: 'Loading map…',
		loadFailed: 'The map could not be loaded. The list on this page has every place.',
		failed: 'The map could not be shown. The list on this page has every place.',
		key: 'Map key',
		cluster: 'Several places close together, with how many (select to zoom in)',
		searchCentre: 'Where the search is from',
		searchArea: 'The area searched',
		unnamed: 'Unnamed place',
		maplibre: {
			// The canvas is a second region inside ours: its own name says how to use it by keyboard.
			'Map.Title': 'Interactive map: arrow keys move it, plus and minus zoom',
			'NavigationControl.ZoomIn': 'Zoom in',
			'NavigationControl.ZoomOut': 'Zoom out',
			'Popup.Close': 'Close popup',
			'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
			'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
			'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map'
		}
	},
	cy: {
		loading: "Wrthi'n llwytho'r map…",
		loadFailed: "Doedd dim modd llwytho'r map. Mae pob lle yn y rhestr ar y dudalen hon.",
		failed: 'Doedd dim modd dangos y map. Mae pob lle yn y rhestr ar y dudalen hon.',
		key: 'Allwedd y map',
		cluster: "Sawl lle yn agos at ei gilydd, a faint (dewiswch i chwyddo'r map)",
		searchCentre: 'Man cychwyn y chwiliad',
		searchArea: 'Yr ardal a chwiliwyd',
		unnamed: 'Lle heb enw',
		maplibre: {
			'Map.Title':
				"Map rhyngweithiol: mae'r bysellau saeth yn ei symud, a phlws a minws yn chwyddo",
			'NavigationControl.ZoomIn': 'Chwyddo i mewn',
			'NavigationControl.ZoomOut': 'Chwyddo allan',
			'Popup.Close': 'Cau',
			'CooperativeGesturesHandler.WindowsHelpText': "Defnyddiwch Ctrl + sgrolio i chwyddo'r map",
			'CooperativeGesturesHandler.MacHelpText': "Defnyddiwch ⌘ + sgrolio i chwyddo'r map",
			'CooperativeGesturesHandler.MobileHelpText': 'Defnyddiwch ddau fys i symud y map'
		}
	}
};

/** The map's words in a language (English when none is given). */
export function mapWords(lang: Lang = 'en'): MapWords {
	return WORDS[lang];
}
