/** The kinds of community venue in the demo borough. */
import type { AssetTemplate, VenueType } from './template-types';

const venue = (
	venueType: VenueType,
	count: number,
	rest: Omit<AssetTemplate, 'kind' | 'count' | 'at' | 'venueType'>
): AssetTemplate => ({ kind: 'venue', venueType, count, at: ['own'], ...rest });

const OPEN_WEEKDAYS =
	'w1 09:30-17:00 + w2 09:30-17:00 + w4 09:30-19:00 + w5 09:30-17:00 + w6 10:00-13:00';

export const VENUE_TEMPLATES: readonly AssetTemplate[] = [
	venue('community-centre', 14, {
		name: '{place} Community Centre',
		nameCy: 'Canolfan Gymunedol {place}',
		description: 'A community centre with a main hall, a kitchen and two meeting rooms to hire.',
		descriptionCy: "Canolfan gymunedol gyda neuadd fawr, cegin a dwy ystafell gyfarfod i'w llogi.",
		categories: ['community-spaces', 'social-and-friendship'],
		cost: 'paid:Rooms from £12 an hour; free for community groups on weekday mornings',
		access: ['step_free', 'accessible_toilet', 'hearing_loop', 'baby_change']
	}),
	venue('church-hall', 7, {
		name: '{saint} Church Hall',
		description:
			'A church hall next to {saint} Church, used by many local groups. Kitchen and tea urn.',
		categories: ['community-spaces', 'faith-and-culture'],
		cost: 'paid:Hall hire £10 an hour',
		access: ['step_free', 'accessible_toilet']
	}),
	venue('chapel', 4, {
		name: '{chapel} Vestry',
		nameCy: 'Festri {chapel}',
		description:
			'The meeting room behind {chapel}, a Welsh chapel. Welsh-language service on Sunday mornings.',
		descriptionCy: 'Yr ystafell gyfarfod y tu ôl i {chapel}. Oedfa Gymraeg bob bore Sul.',
		categories: ['community-spaces', 'faith-and-culture'],
		languages: ['cy', 'en'],
		access: ['hearing_loop']
	}),
	venue('village-hall', 6, {
		name: '{place} Village Hall',
		nameCy: 'Neuadd Bentref {place}',
		description: 'A village hall with a stage, a kitchen and a car park, run by volunteers.',
		descriptionCy:
			"Neuadd bentref gyda llwyfan, cegin a maes parcio. Gwirfoddolwyr sy'n ei rhedeg.",
		categories: ['community-spaces'],
		setting: 'rural',
		cost: 'paid:Hall hire £8 an hour',
		access: ['step_free', 'parking', 'accessible_toilet']
	}),
	venue('library', 4, {
		name: '{place} Library',
		nameCy: 'Llyfrgell {place}',
		description:
			"A public library with free computers, Wi-Fi, a children's corner and a room for groups.",
		descriptionCy:
			'Llyfrgell gyhoeddus gyda chyfrifiaduron am ddim, Wi-Fi, cornel i blant ac ystafell i grwpiau.',
		categories: ['reading-and-languages', 'digital-skills', 'creative-and-learning'],
		setting: 'town',
		when: [OPEN_WEEKDAYS],
		cost: 'free',
		access: ['step_free', 'accessible_toilet', 'hearing_loop', 'large_print', 'public_transport']
	}),
	venue('cafe', 7, {
		name: '{cafe}',
		description:
			'An independent café with a community noticeboard and a big table that groups can book.',
		categories: ['food', 'coffee-and-chat'],
		setting: 'town',
		when: [
			'w1 08:30-16:00 + w2 08:30-16:00 + w3 08:30-16:00 + w4 08:30-16:00 + w5 08:30-16:00 + w6 09:00-15:00'
		],
		access: ['baby_change', 'assistance_dogs', 'public_transport']
	}),
	venue('pub', 6, {
		name: '{pub}',
		description: 'A traditional pub with a function room that local groups can use without charge.',
		categories: ['community-spaces'],
		access: ['parking', 'assistance_dogs']
	}),
	venue('leisure-centre', 2, {
		name: '{place} Leisure Centre',
		nameCy: 'Canolfan Hamdden {place}',
		description:
			'Swimming pool, gym, sports hall and studio classes. Reduced prices are available.',
		descriptionCy: 'Pwll nofio, campfa, neuadd chwaraeon a dosbarthiadau. Mae prisiau is ar gael.',
		categories: ['sport-and-exercise', 'active-and-outdoors'],
		setting: 'town',
		cost: 'paid:Swimming from £4.20',
		access: [
			'step_free',
			'accessible_toilet',
			'parking',
			'baby_change',
			'hearing_loop',
			'public_transport'
		]
	}),
	venue('park', 5, {
		name: '{place} Park Pavilion',
		nameCy: 'Pafiliwn Parc {place}',
		description:
			'A pavilion with toilets and a small kitchen at the entrance to {place} Park, by the play area.',
		categories: ['walking-and-outdoors', 'active-and-outdoors', 'community-spaces'],
		cost: 'free',
		access: ['step_free', 'accessible_toilet', 'baby_change']
	}),
	venue('school', 4, {
		name: '{place} Primary School Community Room',
		description:
			'A community room with its own entrance, free to local groups in the evenings and holidays.',
		categories: ['community-spaces', 'family-activities'],
		access: ['step_free', 'accessible_toilet']
	}),
	venue('garden', 3, {
		name: '{place} Community Garden',
		description:
			'Raised beds, a polytunnel and a shelter. Visitors welcome whenever volunteers are on site.',
		categories: ['gardening-and-nature', 'active-and-outdoors'],
		cost: 'free',
		access: ['step_free']
	}),
	venue('allotments', 3, {
		name: '{place} Allotments',
		description: 'Allotment site with a shared shed, a compost bay and a waiting list for plots.',
		categories: ['gardening-and-nature'],
		cost: 'paid:Plots £30 a year',
		access: ['parking']
	}),
	venue('family-centre', 3, {
		name: '{place} Family Centre',
		description:
			'A family centre with a soft play room, a garden and a kitchen, open to every family.',
		categories: ['family-activities', 'community-spaces'],
		family: true,
		access: ['step_free', 'accessible_toilet', 'baby_change', 'quiet_space']
	}),
	venue('faith-centre', 1, {
		name: '{place} Islamic Centre',
		description:
			'A mosque and community centre. Visitors of any faith or none are welcome to the open days.',
		categories: ['faith-and-culture', 'community-spaces'],
		setting: 'town',
		languages: ['en', 'ur', 'ar'],
		access: ['step_free', 'accessible_toilet']
	}),
	venue('faith-centre', 1, {
		name: 'Dom Polski {place}',
		description:
			'The Polish community centre, with a Saturday school, Polish books to borrow and a café.',
		categories: ['faith-and-culture', 'community-spaces'],
		setting: 'town',
		languages: ['pl', 'en'],
		access: ['step_free']
	}),
	venue('faith-centre', 1, {
		name: '{place} Quaker Meeting House',
		description: 'A quiet meeting house with a garden. Rooms are available to community groups.',
		categories: ['faith-and-culture', 'community-spaces'],
		access: ['step_free', 'quiet_space', 'hearing_loop']
	}),
	venue('sports-club', 1, {
		name: '{place} Cricket Club',
		description:
			'A cricket club with a pavilion and bar; the clubhouse is used by groups in the winter.',
		categories: ['sport-and-exercise', 'community-spaces'],
		access: ['parking']
	}),
	venue('sports-club', 1, {
		name: '{place} Rugby Club',
		description: 'A rugby club with a large clubhouse, a function room and plenty of parking.',
		categories: ['sport-and-exercise', 'community-spaces'],
		access: ['parking', 'step_free', 'accessible_toilet']
	}),
	venue('bowling-green', 2, {
		name: '{place} Bowling Club',
		description: 'A crown green bowling club with a small clubhouse. Open days every May.',
		categories: ['sport-and-exercise'],
		access: ['step_free', 'parking']
	}),
	venue('arts-centre', 1, {
		name: 'The Old Chapel Arts Centre',
		nameCy: "Canolfan Gelfyddydau'r Hen Gapel",
		description:
			'A converted chapel with a studio, a small theatre and a café, home to many arts groups.',
		descriptionCy:
			'Hen gapel gyda stiwdio, theatr fach a chaffi, yn gartref i lawer o grwpiau celf.',
		categories: ['arts-and-crafts', 'music-and-singing', 'creative-and-learning'],
		setting: 'town',
		access: ['step_free', 'accessible_toilet', 'hearing_loop']
	}),
	venue('arts-centre', 1, {
		name: 'Fennick Vale Museum',
		description: "A small museum of the Vale's mining and weaving history, with a community room.",
		categories: ['creative-and-learning', 'community-spaces'],
		setting: 'town',
		cost: 'free',
		access: ['step_free', 'large_print', 'accessible_toilet']
	}),
	venue('hub', 3, {
		name: '{place} Community Hub',
		description:
			'A former bank on the high street, now a drop-in hub with free tea, Wi-Fi and a warm room.',
		categories: ['community-spaces', 'social-and-friendship'],
		setting: 'town',
		when: ['w1 10:00-15:00 + w3 10:00-15:00 + w5 10:00-15:00'],
		cost: 'free',
		access: ['step_free', 'accessible_toilet', 'quiet_space', 'public_transport']
	}),
	venue('scout-hut', 3, {
		name: '{place} Scout Hut',
		description:
			'A scout hut with a hall and a field, let to community groups when the scouts are not meeting.',
		categories: ['community-spaces', 'family-activities'],
		access: ['parking']
	}),
	venue('shop', 2, {
		name: '{place} Community Shop',
		description: 'A community-owned shop and post office counter, run by volunteers.',
		categories: ['food', 'work-and-volunteering'],
		setting: 'rural',
		access: ['step_free', 'parking']
	})
];
