/** Informal supports: neighbours helping neighbours, often held privately by coordinators as drafts. */
import type { AssetTemplate } from './template-types';

const informal = (count: number, rest: Omit<AssetTemplate, 'kind' | 'count'>): AssetTemplate => ({
	kind: 'informal_support',
	count,
	draftShare: 0.4,
	...rest
});

export const INFORMAL_TEMPLATES: readonly AssetTemplate[] = [
	informal(10, {
		name: '{street} Good Neighbours',
		description:
			'Neighbours on {street} who keep an eye out, pick up shopping and put the bins out for each other.',
		categories: ['social-and-friendship', 'housing-and-home'],
		at: ['roaming']
	}),
	informal(5, {
		name: '{place} Community Chat Group',
		description: 'A neighbourhood group chat for lost cats, spare sofas, lifts and local news.',
		categories: ['social-and-friendship', 'repair-and-reuse'],
		at: ['online']
	}),
	informal(3, {
		name: '{place} Mutual Aid',
		description:
			'Neighbours who do shopping and collect prescriptions for people who cannot get out.',
		categories: ['food', 'caring-for-someone'],
		at: ['online']
	}),
	informal(4, {
		name: 'Thursday Lifts to the Shops from {place}',
		description: 'A few drivers who take neighbours to the supermarket on Thursday mornings.',
		categories: ['getting-about'],
		at: ['roaming'],
		when: ['w4 09:30-12:00']
	}),
	informal(4, {
		name: '{place} Little Free Library',
		description: 'A book box outside {venue}: take a book, leave a book.',
		categories: ['reading-and-languages'],
		at: ['church-hall', 'community-centre', 'park', 'school', 'village-hall'],
		family: true
	}),
	informal(3, {
		name: 'Book Swap Shelf at {venue}',
		description: 'A shelf of books, puzzles and DVDs to swap, free to anyone.',
		categories: ['reading-and-languages', 'repair-and-reuse'],
		at: ['cafe', 'pub', 'hub']
	}),
	informal(3, {
		name: '{place} Dog Walking Buddies',
		description:
			'Dog owners who walk together most mornings, and walk dogs for neighbours who are unwell.',
		categories: ['walking-and-outdoors', 'coffee-and-chat'],
		at: ['roaming'],
		when: ['w* 08:00-09:00']
	}),
	informal(3, {
		name: 'Sunday Lunch Table at {venue}',
		description:
			'Regulars who keep a seat free for anyone eating alone on a Sunday. Just ask at the bar.',
		categories: ['food', 'coffee-and-chat'],
		at: ['pub'],
		when: ['w7 12:30-14:30']
	}),
	informal(2, {
		name: '{place} Seed and Plant Swap',
		description:
			'Spare seedlings and seeds left on a table outside {venue} every spring and summer.',
		categories: ['gardening-and-nature'],
		at: ['allotments', 'garden', 'church-hall']
	}),
	informal(3, {
		name: '{place} Allotment Veg Gate',
		description: 'Plot holders leave spare vegetables by the gate for anyone to take.',
		categories: ['food', 'gardening-and-nature'],
		at: ['allotments', 'garden']
	}),
	informal(2, {
		name: '{place} Knitters for the Maternity Ward',
		description: 'Knitting hats and blankets for the local maternity unit. Wool supplied.',
		categories: ['arts-and-crafts', 'work-and-volunteering'],
		at: ['cafe', 'library', 'church-hall'],
		when: ['f* 14:00-16:00']
	}),
	informal(3, {
		name: 'Help with Forms at {venue}',
		description: 'A retired bank worker who helps with forms and letters on Wednesday mornings.',
		categories: ['money-and-debt'],
		at: ['library', 'hub', 'cafe'],
		when: ['w3 10:00-12:00']
	}),
	informal(3, {
		name: '{place} Phone Friends',
		description: 'Volunteers who ring people at home for a regular chat.',
		categories: ['mental-wellbeing', 'coffee-and-chat'],
		at: ['online']
	}),
	informal(3, {
		name: '{place} Handy Neighbour',
		description:
			'A neighbour who does small jobs such as changing bulbs or fitting smoke alarms, for free.',
		categories: ['repair-and-reuse', 'housing-and-home'],
		at: ['roaming']
	}),
	informal(2, {
		name: 'School Gate Coffee at {venue}',
		description: 'Parents who go for a coffee after the morning drop-off and welcome newcomers.',
		categories: ['family-activities', 'coffee-and-chat'],
		at: ['cafe'],
		when: ['w* 09:00-10:00'],
		family: true
	}),
	informal(3, {
		name: '{place} Prescription Pick-up',
		description: 'Neighbours who collect prescriptions for people who cannot get to the pharmacy.',
		categories: ['health-and-care-services', 'caring-for-someone'],
		at: ['roaming']
	}),
	informal(5, {
		name: '{place} Warm Welcome',
		description: 'A warm room with free tea, soup and Wi-Fi on winter afternoons.',
		categories: ['housing-and-home', 'coffee-and-chat', 'money-home-and-work'],
		at: ['church-hall', 'chapel', 'community-centre', 'hub', 'library'],
		when: ['w* 13:00-16:00 + w* 13:00-16:00'],
		cost: 'free'
	}),
	informal(2, {
		name: 'Bench Chat at {venue}',
		description: 'A few regulars who meet on the bench outside for a chat and a flask of tea.',
		categories: ['coffee-and-chat', 'mental-wellbeing'],
		at: ['park'],
		when: ['w* 10:00-11:00']
	}),
	informal(2, {
		name: '{place} Lift Share to Appointments',
		description:
			'Local drivers who give lifts to hospital and GP appointments for the cost of fuel.',
		categories: ['getting-about', 'health-and-care-services'],
		at: ['online'],
		cost: 'low:Fuel costs only'
	}),
	informal(2, {
		name: '{street} Street Party Group',
		description:
			'Neighbours who close the road for a summer street party and a winter carol evening.',
		categories: ['social-and-friendship', 'family-activities'],
		at: ['roaming'],
		family: true
	}),
	informal(2, {
		name: '{place} Plot Share',
		description: 'Allotment holders happy to share part of a plot with a beginner.',
		categories: ['gardening-and-nature', 'active-and-outdoors'],
		at: ['allotments']
	})
];
