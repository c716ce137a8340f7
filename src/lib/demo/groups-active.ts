/** Groups for walking, sport, gardening, food, repair, money, work and wellbeing. */
import { group, HALLS, type AssetTemplate } from './template-types';

export const ACTIVE_GROUPS: readonly AssetTemplate[] = [
	group(8, {
		name: '{place} Walking Group',
		nameCy: 'Grŵp Cerdded {place}',
		description: 'A walk of about an hour at a pace that suits everyone, ending with a cuppa.',
		descriptionCy:
			"Taith gerdded o tua awr ar gyflymder sy'n addas i bawb, gyda phaned ar y diwedd.",
		categories: ['walking-and-outdoors'],
		at: ['park', 'community-centre', 'village-hall', 'roaming'],
		when: ['w* 10:00-11:30', 'w6 10:00-12:00'],
		cost: 'free',
		access: ['assistance_dogs']
	}),
	group(6, {
		name: '{place} Health Walk',
		description: 'A gentle, level walk of about 45 minutes, led by trained volunteers.',
		categories: ['walking-and-outdoors', 'health-and-wellbeing'],
		at: ['park', 'leisure-centre', 'hub', 'library'],
		when: ['w* 11:00-12:00'],
		cost: 'free',
		access: ['assistance_dogs']
	}),
	group(1, {
		name: 'Fennick Vale Ramblers',
		description:
			'Walks of 5 to 10 miles across the Vale on Sundays; meeting points in the newsletter.',
		categories: ['walking-and-outdoors', 'active-and-outdoors'],
		at: ['roaming'],
		when: ['w7 09:30-15:00'],
		cost: 'low:£2 a walk for non-members'
	}),
	group(2, {
		name: '{place} Nordic Walking',
		description: 'Walking with poles for a full-body workout. Poles to borrow.',
		categories: ['walking-and-outdoors', 'sport-and-exercise'],
		at: ['park', 'leisure-centre'],
		when: ['w* 09:30-10:30'],
		cost: 'low:£2 a session'
	}),
	group(2, {
		name: '{place} Running Club',
		description: 'A friendly 5 kilometre run for every pace, walkers welcome.',
		categories: ['sport-and-exercise', 'walking-and-outdoors'],
		at: ['park', 'leisure-centre'],
		when: ['w6 09:00-10:00 + w3 18:30-19:30'],
		cost: 'free',
		ages: [11, null]
	}),
	group(2, {
		name: '{place} Social Cycle Rides',
		description: 'Slow, sociable rides on quiet lanes and cycle paths, with a café stop.',
		categories: ['walking-and-outdoors', 'getting-about'],
		at: ['roaming'],
		when: ['f7 10:00-13:00', 'm1:6 10:00-13:00'],
		cost: 'free',
		ages: [12, null]
	}),
	group(6, {
		name: 'Chair Yoga at {venue}',
		description: 'Gentle stretching and breathing, mostly seated. Suitable for all fitness levels.',
		categories: ['sport-and-exercise', 'mental-wellbeing'],
		at: [...HALLS, 'leisure-centre'],
		when: ['w* 10:30-11:30', 'w* 14:00-15:00'],
		cost: 'low:£3 a class'
	}),
	group(3, {
		name: '{place} Walking Football',
		description: 'Football at walking pace: no running, no slide tackles, lots of laughs.',
		categories: ['sport-and-exercise'],
		at: ['leisure-centre', 'sports-club', 'park'],
		when: ['w* 10:00-11:00', 'w* 19:00-20:00'],
		cost: 'low:£3 a session',
		ages: [16, null]
	}),
	group(3, {
		name: '{place} Tai Chi',
		description: 'Slow, flowing movements to help balance and calm. Beginners welcome any week.',
		categories: ['sport-and-exercise', 'mental-wellbeing'],
		at: [...HALLS, 'park'],
		when: ['w* 09:30-10:30', 'w* 18:00-19:00'],
		cost: 'low:£4 a class'
	}),
	group(2, {
		name: '{place} Bowls',
		description:
			'Crown green bowls in the summer and short mat bowls indoors in the winter. Bowls to borrow.',
		categories: ['sport-and-exercise', 'coffee-and-chat'],
		at: ['bowling-green'],
		when: ['w2 14:00-17:00 + w6 14:00-17:00'],
		cost: 'paid:£40 a season, first month free'
	}),
	group(2, {
		name: '{place} Table Tennis Club',
		description: 'Drop-in table tennis for all standards. Bats and balls provided.',
		categories: ['sport-and-exercise'],
		at: ['community-centre', 'leisure-centre', 'scout-hut'],
		when: ['w* 18:30-20:30'],
		cost: 'low:£2.50 a session',
		ages: [8, null]
	}),
	group(3, {
		name: 'Dance Fitness at {venue}',
		description: 'An hour of dancing to music from every decade. Go at your own pace.',
		categories: ['sport-and-exercise', 'music-and-singing'],
		at: ['community-centre', 'church-hall', 'leisure-centre', 'village-hall'],
		when: ['w* 18:00-19:00', 'w* 10:00-11:00'],
		cost: 'paid:£5 a class',
		ages: [16, null]
	}),
	group(3, {
		name: 'Friends of {place} Park',
		description: 'Volunteers who look after the park: planting, litter picking and summer events.',
		categories: ['gardening-and-nature', 'work-and-volunteering'],
		at: ['park'],
		when: ['m1:6 10:00-12:30', 'm2:7 10:00-12:30'],
		cost: 'free',
		family: true
	}),
	group(3, {
		name: '{place} Gardening Club',
		description: 'Talks, plant sales and garden visits, with a cuppa and a chat.',
		categories: ['gardening-and-nature', 'coffee-and-chat'],
		at: [...HALLS, 'garden'],
		when: ['m2:* 19:00-21:00', 'm1:* 14:00-16:00'],
		cost: 'low:£2 a meeting'
	}),
	group(3, {
		name: '{place} Litter Pickers',
		description:
			'A monthly litter pick around the neighbourhood. Grabbers, bags and gloves provided.',
		categories: ['gardening-and-nature', 'work-and-volunteering'],
		at: ['roaming'],
		when: ['m-1:6 10:00-12:00', 'm1:7 10:00-12:00'],
		cost: 'free',
		family: true
	}),
	group(2, {
		name: '{place} Community Garden Volunteers',
		description:
			'Sowing, weeding and harvesting together; take some veg home. No experience needed.',
		categories: ['gardening-and-nature', 'work-and-volunteering', 'active-and-outdoors'],
		at: ['garden', 'allotments'],
		when: ['w* 10:00-13:00', 'w6 10:00-13:00'],
		cost: 'free',
		family: true
	}),
	group(1, {
		name: 'Fennick Vale Wildlife Watch',
		description:
			'Bug hunts, pond dipping and bird watching for families, at a different spot each month.',
		categories: ['gardening-and-nature', 'family-activities'],
		at: ['roaming'],
		when: ['m2:6 10:00-12:00'],
		cost: 'free',
		family: true,
		ages: [5, 14]
	}),
	group(7, {
		name: '{place} Lunch Club',
		nameCy: 'Clwb Cinio {place}',
		description: 'A hot two-course lunch and good company. Tell us about any special diet.',
		descriptionCy: 'Cinio poeth dau gwrs a chwmni da. Rhowch wybod am unrhyw ddeiet arbennig.',
		categories: ['food', 'coffee-and-chat'],
		at: HALLS,
		when: ['w* 12:00-13:30', 'f* 12:00-13:30'],
		cost: 'low:£4.50 for two courses'
	}),
	group(3, {
		name: 'Cook and Eat at {venue}',
		description: 'Cook a simple, cheap meal together and share it. Recipes to take home.',
		categories: ['food', 'family-activities'],
		at: ['community-centre', 'family-centre', 'hub'],
		when: ['w* 17:00-19:00', 'w* 11:00-13:00'],
		cost: 'free',
		family: true
	}),
	group(2, {
		name: 'Pay As You Feel Café at {venue}',
		description: 'Meals made from surplus food. Pay what you can, or help out instead.',
		categories: ['food', 'repair-and-reuse', 'social-and-friendship'],
		at: ['church-hall', 'hub', 'community-centre'],
		when: ['w* 12:00-14:00'],
		cost: 'low:Pay what you can'
	}),
	group(2, {
		name: '{place} Big Breakfast',
		description: 'A cooked breakfast and good company on the first Saturday of the month.',
		categories: ['food', 'coffee-and-chat'],
		at: ['church-hall', 'community-centre', 'scout-hut'],
		when: ['m1:6 09:00-10:30'],
		cost: 'low:£3'
	}),
	group(4, {
		name: '{place} Repair Café',
		nameCy: 'Caffi Trwsio {place}',
		description:
			'Bring broken things (clothes, small electricals, bikes) and volunteers will help you fix them.',
		descriptionCy:
			"Dewch â phethau sydd wedi torri (dillad, offer trydanol bach, beiciau) a bydd gwirfoddolwyr yn eich helpu i'w trwsio.",
		categories: ['repair-and-reuse'],
		at: ['community-centre', 'church-hall', 'library', 'hub'],
		when: ['m1:6 10:00-13:00', 'm-1:6 10:00-13:00', 'm2:3 18:00-20:30'],
		cost: 'free',
		family: true
	}),
	group(3, {
		name: '{place} Community Shed',
		description: 'A workshop to make, mend and chat: woodwork, bikes and small repairs.',
		categories: ['repair-and-reuse', 'mental-wellbeing'],
		at: ['scout-hut', 'allotments', 'community-centre'],
		when: ['w2 10:00-15:00 + w4 10:00-15:00'],
		cost: 'low:£1 a visit',
		ages: [18, null]
	}),
	group(2, {
		name: '{place} Toy and Clothes Swap',
		description: 'Bring what your children have outgrown and take what fits. Everything is free.',
		categories: ['repair-and-reuse', 'family-activities'],
		at: ['family-centre', 'church-hall', 'school'],
		when: ['m2:6 10:00-12:00'],
		cost: 'free',
		family: true
	}),
	group(2, {
		name: '{place} Scouts and Guides',
		description: 'Camping, cooking, badges and adventures, run by trained volunteer leaders.',
		categories: ['family-activities', 'active-and-outdoors'],
		at: ['scout-hut'],
		when: ['w1 18:00-19:30 + w3 18:30-20:00'],
		cost: 'paid:£35 a term',
		ages: [6, 18]
	}),
	group(3, {
		name: '{place} Tenants and Residents Association',
		description:
			'Residents meeting to sort out local problems together and plan events on the estate.',
		categories: ['housing-and-home', 'social-and-friendship'],
		at: ['community-centre', 'hub', 'school'],
		when: ['m1:* 18:30-20:00', 'm2:* 18:30-20:00'],
		cost: 'free'
	}),
	group(2, {
		name: '{place} Money Savers',
		description:
			'Swap tips on energy bills, budgeting and cheap meals. A different topic each month.',
		categories: ['money-and-debt', 'coffee-and-chat'],
		at: ['hub', 'library', 'community-centre'],
		when: ['m3:* 10:30-12:00'],
		cost: 'free'
	}),
	group(3, {
		name: '{place} Job Club',
		description: 'Help with CVs, applications and interview practice, with computers to use.',
		categories: ['work-and-volunteering', 'digital-skills'],
		at: ['library', 'hub', 'community-centre'],
		when: ['w* 10:00-12:30'],
		cost: 'free',
		ages: [16, null]
	}),
	group(1, {
		name: 'Fennick Vale Time Bank',
		description:
			"Swap an hour of your time for an hour of someone else's: gardening, lifts, lessons, company.",
		categories: ['work-and-volunteering', 'social-and-friendship'],
		at: ['online'],
		cost: 'free'
	}),
	group(3, {
		name: '{place} Talking Group',
		description:
			'A peer group for anyone going through a tough time. Come along; you do not have to talk.',
		categories: ['mental-wellbeing'],
		at: ['community-centre', 'church-hall', 'hub', 'library'],
		when: ['w1 19:00-21:00', 'w* 18:30-20:00'],
		cost: 'free',
		ages: [18, null],
		access: ['quiet_space']
	}),
	group(2, {
		name: 'Mindful Mornings at {venue}',
		description: 'A short guided relaxation followed by tea. No experience needed.',
		categories: ['mental-wellbeing'],
		at: ['library', 'faith-centre', 'arts-centre', 'hub'],
		when: ['w1 10:00-11:00', 'w3 10:00-11:00'],
		cost: 'free',
		access: ['quiet_space']
	}),
	group(1, {
		name: 'Fennick Vale Peer Support Online',
		description:
			'An evening video call where people share what has helped them through hard times.',
		categories: ['mental-wellbeing'],
		at: ['online'],
		when: ['w4 19:30-20:30'],
		cost: 'free',
		ages: [18, null]
	}),
	group(3, {
		name: "{place} Carers' Café",
		description:
			'Time out for anyone looking after a relative or friend: tea, chat and information.',
		categories: ['caring-for-someone', 'coffee-and-chat'],
		at: ['cafe', 'community-centre', 'church-hall', 'hub'],
		when: ['m1:* 10:30-12:00', 'm3:* 13:30-15:00'],
		cost: 'free'
	}),
	group(1, {
		name: 'Time Out Club',
		description: 'Trips, games and a break for young people who look after someone at home.',
		categories: ['caring-for-someone', 'family-activities'],
		at: ['community-centre', 'scout-hut'],
		when: ['f3 17:00-19:00'],
		cost: 'free',
		ages: [8, 17]
	})
];
