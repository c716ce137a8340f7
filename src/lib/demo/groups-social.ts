/** Groups for meeting people, families, faith and culture. */
import { group, HALLS, type AssetTemplate } from './template-types';

export const SOCIAL_GROUPS: readonly AssetTemplate[] = [
	group(12, {
		name: '{place} Coffee Morning',
		nameCy: 'Bore Coffi {place}',
		description:
			'A relaxed coffee morning with home-made cakes. Come on your own or bring a friend.',
		descriptionCy:
			'Bore coffi hamddenol gyda chacennau cartref. Dewch ar eich pen eich hun neu gyda ffrind.',
		categories: ['coffee-and-chat'],
		at: HALLS,
		when: ['w* 10:00-12:00', 'w* 10:30-12:00', 'f* 10:00-12:00'],
		cost: 'low:£1.50 for tea and cake'
	}),
	group(6, {
		name: '{place} Friendship Club',
		description: 'An afternoon of chat, quizzes and a cup of tea. Lifts can sometimes be arranged.',
		categories: ['coffee-and-chat', 'social-and-friendship'],
		at: HALLS,
		when: ['w* 14:00-16:00', 'f* 13:30-15:30'],
		cost: 'low:£2 including tea'
	}),
	group(5, {
		name: 'Chatty Café at {venue}',
		description: 'Tables marked "happy to chat": sit down with a drink and join in.',
		categories: ['coffee-and-chat', 'mental-wellbeing'],
		at: ['cafe'],
		when: ['w* 10:30-12:30'],
		cost: 'free'
	}),
	group(4, {
		name: '{place} Games Afternoon',
		description: 'Board games, cards and dominoes. Games provided, or bring your favourite.',
		categories: ['coffee-and-chat'],
		at: [...HALLS, 'pub'],
		when: ['w* 13:00-16:00', 'm2:* 13:00-16:00'],
		cost: 'free',
		family: true
	}),
	group(9, {
		name: '{place} Stay and Play',
		description: 'Toys, songs and a snack for babies and young children with their grown-ups.',
		categories: ['family-activities'],
		at: ['family-centre', 'community-centre', 'church-hall', 'library', 'school'],
		when: ['w* 09:30-11:00', 'w* 13:30-15:00'],
		cost: 'low:£1 a family',
		ages: [0, 5],
		family: true,
		access: ['baby_change']
	}),
	group(3, {
		name: 'Ti a Fi {place}',
		nameCy: 'Ti a Fi {place}',
		description:
			'A Welsh-language parent and toddler group. Families who do not speak Welsh are welcome too.',
		descriptionCy:
			'Grŵp rhieni a phlant bach trwy gyfrwng y Gymraeg. Mae croeso i deuluoedd sydd ddim yn siarad Cymraeg hefyd.',
		categories: ['family-activities', 'reading-and-languages'],
		at: ['chapel', 'village-hall', 'community-centre', 'school'],
		when: ['w* 10:00-11:30'],
		cost: 'low:£1 a family',
		ages: [0, 4],
		family: true,
		languages: ['cy', 'en']
	}),
	group(4, {
		name: '{place} Youth Club',
		description: 'Games, pool, cooking and trips, planned with the young people who come.',
		categories: ['family-activities', 'sport-and-exercise'],
		at: ['community-centre', 'scout-hut', 'hub', 'leisure-centre'],
		when: ['w* 18:00-20:30', 'w5 18:30-21:00'],
		cost: 'free',
		ages: [11, 18]
	}),
	group(3, {
		name: 'Messy Play at {venue}',
		description:
			'Paint, sand, water and glue for under-fives and their grown-ups. Wear old clothes!',
		categories: ['family-activities', 'arts-and-crafts'],
		at: ['family-centre', 'church-hall', 'library'],
		when: ['f* 10:00-11:30'],
		cost: 'low:£2 a child',
		ages: [0, 5],
		family: true
	}),
	group(3, {
		name: '{place} Family Games Night',
		description: 'Board games and snacks for all ages, every other Friday.',
		categories: ['family-activities', 'coffee-and-chat'],
		at: ['community-centre', 'hub', 'school'],
		when: ['f5 17:30-19:30'],
		cost: 'free',
		family: true
	}),
	group(3, {
		name: '{place} Homework Club',
		description: 'A quiet table, computers and volunteers to help with homework after school.',
		categories: ['family-activities', 'reading-and-languages'],
		at: ['library', 'hub', 'community-centre'],
		when: ['w* 15:30-17:00'],
		cost: 'free',
		ages: [7, 16]
	}),
	group(1, {
		name: '{place} Polish Saturday School',
		description:
			'Polish language, history and songs for children, with a coffee corner for parents.',
		categories: ['faith-and-culture', 'reading-and-languages'],
		at: ['faith-centre', 'school'],
		when: ['w6 10:00-13:00'],
		cost: 'low:£5 a week',
		ages: [5, 16],
		family: true,
		languages: ['pl', 'en']
	}),
	group(1, {
		name: 'Fennick Vale Asian Cultural Association',
		description:
			'Festivals, music and food from South Asia, open to everyone. Eid and Diwali parties.',
		categories: ['faith-and-culture', 'music-and-singing'],
		at: ['faith-centre', 'community-centre'],
		when: ['m1:7 14:00-17:00'],
		cost: 'free',
		family: true,
		languages: ['en', 'ur', 'pa']
	}),
	group(3, {
		name: 'Quiet Hour at {venue}',
		description: 'The building is open for quiet reflection, for people of any faith or none.',
		categories: ['faith-and-culture', 'mental-wellbeing'],
		at: ['church-hall', 'chapel', 'faith-centre'],
		when: ['w3 12:00-13:00', 'w2 12:00-13:00'],
		cost: 'free',
		access: ['quiet_space']
	}),
	group(3, {
		name: '{place} Churches Together Lunch',
		description: 'A simple soup lunch hosted by local churches. Everyone welcome; no need to book.',
		categories: ['faith-and-culture', 'food'],
		at: ['church-hall', 'chapel'],
		when: ['m-1:* 12:00-13:30', 'm2:* 12:00-13:30'],
		cost: 'free'
	}),
	group(2, {
		name: '{place} Scrabble and Crossword Club',
		description: 'Word games, puzzles and plenty of friendly arguments about spelling.',
		categories: ['coffee-and-chat', 'reading-and-languages'],
		at: ['library', 'cafe', 'hub'],
		when: ['w* 14:00-16:00'],
		cost: 'free'
	})
];
