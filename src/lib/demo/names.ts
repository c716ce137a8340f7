/**
 * Invented names for the demo borough. None is meant to be a real place near the borough's
 * coordinates; Welsh names are ordinary Welsh words (cae = field, derwen = oak, nant = stream).
 */

/** A neighbourhood or village name, with its Welsh form where it differs or is Welsh already. */
export interface LocalityName {
	name: string;
	nameCy?: string;
}

export const BOROUGH = {
	slug: 'fennick-vale',
	name: 'Fennick Vale (fictional demo borough)',
	nameCy: 'Dyffryn Fennick (bwrdeistref enghreifftiol ddychmygol)',
	shortName: 'Fennick Vale'
} as const;

/** The three centres, in the order of the tiling's density centres. */
export const TOWN_NAMES: readonly LocalityName[] = [
	{ name: 'Fennick', nameCy: 'Fennick' },
	{ name: 'Aldermoor' },
	{ name: 'Cae Derwen', nameCy: 'Cae Derwen' }
];

/** Other neighbourhoods and hamlets, handed out to localities in order. */
export const LOCALITY_NAMES: readonly LocalityName[] = [
	{ name: 'Millbrook' },
	{ name: 'Castle Hill' },
	{ name: 'Sorrel Green' },
	{ name: 'Nant Hir', nameCy: 'Nant Hir' },
	{ name: 'Hollins Park' },
	{ name: 'Tanners Brook' },
	{ name: 'Longmeadow' },
	{ name: 'Bryn Eithin', nameCy: 'Bryn Eithin' },
	{ name: 'Kestrel Heath' },
	{ name: 'Weavers Row' },
	{ name: 'Coed Isaf', nameCy: 'Coed Isaf' },
	{ name: 'Foxley End' },
	{ name: 'Starling Bank' },
	{ name: 'Ffrwd Ddu', nameCy: 'Ffrwd Ddu' },
	{ name: 'Quarry Side' },
	{ name: 'Lark Rise' }
];

export const STREET_NAMES: readonly string[] = [
	'Chapel Street',
	'Mill Lane',
	'Station Road',
	'Church Walk',
	'High Street',
	'Market Square',
	'Bridge Street',
	'Orchard Close',
	'Wern Road',
	'Heol y Capel',
	'Ffordd yr Eglwys',
	'Maes y Dderwen',
	'Brook Terrace',
	'Victoria Road',
	'Quarry Lane',
	'Glebe Way',
	'Tanyard Row',
	'Colliery Road',
	'Ash Grove',
	'Rowan Drive',
	'Pen y Bryn',
	'Lon Goch',
	'Meadow View',
	'Foundry Street',
	'School Lane',
	'Canal Side',
	'Kiln Close',
	'Weavers Yard',
	'Well Street',
	'Hawthorn Avenue',
	'Marsh Lane',
	'Elm Crescent'
];

export const FIRST_NAMES: readonly string[] = [
	'Alys',
	'Bethan',
	'Carys',
	'Dafydd',
	'Elin',
	'Gareth',
	'Huw',
	'Ieuan',
	'Lowri',
	'Megan',
	'Nia',
	'Owain',
	'Rhys',
	'Sian',
	'Tomos',
	'Aled',
	'Agnieszka',
	'Tomasz',
	'Imran',
	'Nasreen',
	'Farhan',
	'Amira',
	'Grace',
	'Harriet',
	'Jack',
	'Kelly',
	'Liam',
	'Maureen',
	'Niall',
	'Priya',
	'Ruth',
	'Shaun',
	'Tracey',
	'Wendy',
	'Yusuf',
	'Zofia',
	'Barry',
	'Colin',
	'Dawn',
	'Eileen'
];

export const SURNAMES: readonly string[] = [
	'ap Iorwerth',
	'Bevan',
	'Cadwaladr',
	'Davies',
	'Edwards',
	'Ellis',
	'Griffiths',
	'Hughes',
	'Jenkins',
	'Lloyd',
	'Morgan',
	'Parry',
	'Pritchard',
	'Rowlands',
	'Vaughan',
	'Whitfield',
	'Ashcroft',
	'Brindley',
	'Cartwright',
	'Dutton',
	'Fairclough',
	'Hargreaves',
	'Kowalski',
	'Nowak',
	'Hussain',
	'Akhtar',
	'Okafor',
	'Sutcliffe',
	'Thwaite',
	'Wainwright'
];

/** Saints' names for churches and church halls. */
export const SAINTS: readonly string[] = [
	"St Aidan's",
	"St Deiniol's",
	"St Winifred's",
	"St Michael's",
	"St Cynfarch's",
	'Holy Trinity',
	"St Mary's"
];

/** Names of Welsh chapels. */
export const CHAPELS: readonly string[] = [
	'Capel Bethel',
	'Capel Seion',
	'Capel Ebeneser',
	'Capel Horeb'
];

/** Two-word café names. */
export const CAFE_NAMES: readonly string[] = [
	'The Copper Kettle',
	'Bean and Bramble',
	'The Corner Cup',
	'Paned',
	'The Old Bakehouse',
	'Teapot Lane Café',
	'The Hive Café'
];

/** Pub names. */
export const PUB_NAMES: readonly string[] = [
	'The Drovers Arms',
	'The Lamb and Flag',
	'The Colliers',
	'The Red Kite',
	'Y Ddraig Goch',
	'The Boat Inn'
];

/** Lower-case words joined by hyphens. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/&/g, ' and ')
		.replace(/'/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
