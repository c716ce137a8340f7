/** Groups for arts, music, digital skills, reading and languages. */
import { group, HALLS, type AssetTemplate } from './template-types';

export const CREATIVE_GROUPS: readonly AssetTemplate[] = [
	group(10, {
		name: '{place} Knit and Natter',
		nameCy: 'Gweu a Sgwrsio {place}',
		description:
			'Bring your knitting or crochet for a cuppa and a chat. Spare wool and needles for beginners.',
		descriptionCy:
			"Dewch â'ch gweu neu'ch crosio am baned a sgwrs. Mae gwlân a gweill sbâr i ddechreuwyr.",
		categories: ['arts-and-crafts', 'coffee-and-chat'],
		at: [...HALLS, 'library', 'cafe'],
		when: ['w* 10:00-12:00', 'w* 13:30-15:30', 'f* 18:30-20:30'],
		cost: 'low:£1 for tea'
	}),
	group(5, {
		name: '{place} Art Club',
		description:
			'Drawing and painting for all abilities. Materials provided for your first session.',
		categories: ['arts-and-crafts'],
		at: [...HALLS, 'arts-centre'],
		when: ['w* 13:30-15:30', 'w* 19:00-21:00'],
		cost: 'low:£3 a session'
	}),
	group(3, {
		name: '{place} Sewing Circle',
		description: 'Bring your mending or a project. Sewing machines to borrow.',
		categories: ['arts-and-crafts', 'repair-and-reuse'],
		at: HALLS,
		when: ['f* 10:00-12:30', 'm1:* 18:30-20:30'],
		cost: 'low:£2 a session'
	}),
	group(2, {
		name: '{place} Pottery Group',
		description: 'Hand-building and wheel work in a small friendly group. Firing included.',
		categories: ['arts-and-crafts'],
		at: ['arts-centre', 'community-centre'],
		when: ['w* 18:30-21:00'],
		cost: 'paid:£8 a session including clay',
		ages: [16, null]
	}),
	group(2, {
		name: 'Crafty Kids at {venue}',
		description: 'Crafts to make and take home, for children with an adult.',
		categories: ['arts-and-crafts', 'family-activities'],
		at: ['library', 'family-centre', 'arts-centre'],
		when: ['w6 10:00-11:30'],
		cost: 'free',
		ages: [4, 11],
		family: true
	}),
	group(2, {
		name: '{place} Photography Walks',
		description:
			'A monthly walk with cameras or phones, sharing pictures over a coffee afterwards.',
		categories: ['arts-and-crafts', 'walking-and-outdoors'],
		at: ['roaming'],
		when: ['m2:6 10:00-12:30', 'm3:7 14:00-16:30'],
		cost: 'free'
	}),
	group(4, {
		name: '{place} Community Choir',
		nameCy: 'Côr Cymunedol {place}',
		description: 'A friendly community choir. No auditions and no need to read music.',
		descriptionCy:
			'Côr cymunedol cyfeillgar. Does dim clyweliadau a does dim angen darllen cerddoriaeth.',
		categories: ['music-and-singing'],
		at: ['chapel', 'church-hall', 'arts-centre', 'community-centre'],
		when: ['w* 19:00-21:00'],
		cost: 'low:£3 a week',
		languages: ['en', 'cy']
	}),
	group(3, {
		name: '{place} Ukulele Club',
		description: 'Strum along to easy songs. Ukuleles to borrow for your first few weeks.',
		categories: ['music-and-singing'],
		at: ['pub', 'community-centre', 'hub'],
		when: ['w* 19:00-21:00', 'f* 14:00-16:00'],
		cost: 'low:£2 a session'
	}),
	group(2, {
		name: '{place} Silver Band',
		description: 'A brass band that teaches beginners for free and plays at local events.',
		categories: ['music-and-singing'],
		at: ['church-hall', 'scout-hut', 'community-centre'],
		when: ['w2 19:00-21:00 + w4 19:00-21:00'],
		cost: 'free',
		ages: [8, null]
	}),
	group(3, {
		name: 'Open Mic Night at {venue}',
		description: 'Songs, poems and comedy. Sign up on the night or just come and listen.',
		categories: ['music-and-singing'],
		at: ['pub'],
		when: ['m1:4 20:00-23:00', 'm-1:4 20:00-23:00', 'm3:5 20:00-23:00'],
		cost: 'free',
		ages: [18, null]
	}),
	group(2, {
		name: 'Sing and Smile at {venue}',
		description:
			'Well-known songs sung together, with tea afterwards. Good for anyone living with memory loss and the people who support them.',
		categories: ['music-and-singing', 'caring-for-someone', 'mental-wellbeing'],
		at: ['church-hall', 'community-centre', 'library'],
		when: ['m2:* 14:00-15:30', 'm-1:* 14:00-15:30'],
		cost: 'free',
		access: ['step_free', 'accessible_toilet', 'quiet_space']
	}),
	group(6, {
		name: '{place} Digital Drop-in',
		nameCy: 'Sesiwn Galw Heibio Digidol {place}',
		description:
			'One-to-one help with phones, tablets and laptops. Bring your own device or borrow one of ours.',
		descriptionCy:
			"Help un-i-un gyda ffonau, llechi a gliniaduron. Dewch â'ch dyfais eich hun neu benthycwch un o'n rhai ni.",
		categories: ['digital-skills'],
		at: ['library', 'hub', 'community-centre'],
		when: ['w* 10:00-12:00', 'w* 14:00-16:00'],
		cost: 'free'
	}),
	group(2, {
		name: '{place} Code Club',
		description: 'Make games and websites with Scratch and Python, with volunteer mentors.',
		categories: ['digital-skills', 'family-activities'],
		at: ['library', 'school'],
		when: ['w* 16:00-17:30'],
		cost: 'free',
		ages: [9, 13]
	}),
	group(2, {
		name: 'Scam Aware Café at {venue}',
		description: 'Learn to spot scams and keep your details safe online, over a cuppa.',
		categories: ['digital-skills', 'money-and-debt'],
		at: ['library', 'hub', 'cafe'],
		when: ['m1:* 10:30-12:00'],
		cost: 'free'
	}),
	group(1, {
		name: 'Fennick Vale Tech Help Online',
		description:
			'A weekly video call where volunteers answer your questions about phones and computers.',
		categories: ['digital-skills'],
		at: ['online'],
		when: ['w3 18:00-19:00'],
		cost: 'free'
	}),
	group(4, {
		name: '{place} Book Club',
		nameCy: 'Clwb Llyfrau {place}',
		description: 'We read one book a month and meet to talk about it. Copies from the library.',
		descriptionCy:
			"Rydyn ni'n darllen un llyfr y mis ac yn cwrdd i sgwrsio amdano. Copïau gan y llyfrgell.",
		categories: ['reading-and-languages'],
		at: ['library', 'cafe', 'pub'],
		when: ['m1:* 18:30-20:00', 'm2:* 14:00-15:30', 'm-1:* 19:00-20:30'],
		cost: 'free'
	}),
	group(4, {
		name: 'Paned a Sgwrs {place}',
		nameCy: 'Paned a Sgwrs {place}',
		description:
			'An informal chat in Welsh over a cuppa, for learners at any level and fluent speakers.',
		descriptionCy:
			'Sgwrs anffurfiol yn Gymraeg dros baned, i ddysgwyr o bob lefel a siaradwyr rhugl.',
		categories: ['reading-and-languages', 'coffee-and-chat'],
		at: ['cafe', 'library', 'chapel', 'hub'],
		when: ['w* 10:30-11:30', 'f* 18:00-19:00'],
		cost: 'free',
		languages: ['cy', 'en']
	}),
	group(3, {
		name: '{place} English Conversation Club',
		description: 'Practise everyday English in a friendly group. All levels welcome.',
		categories: ['reading-and-languages'],
		at: ['library', 'faith-centre', 'community-centre'],
		when: ['w* 10:00-11:30', 'w* 18:00-19:30'],
		cost: 'free',
		languages: ['en', 'ar', 'pl', 'ro']
	}),
	group(3, {
		name: 'Storytime at {venue}',
		description: 'Stories, rhymes and songs for babies and young children with their grown-ups.',
		categories: ['reading-and-languages', 'family-activities'],
		at: ['library'],
		when: ['w* 10:30-11:00'],
		cost: 'free',
		ages: [0, 5],
		family: true
	}),
	group(2, {
		name: "{place} Writers' Circle",
		description: 'Share your writing and get friendly feedback. Poetry, stories, memoir.',
		categories: ['reading-and-languages', 'arts-and-crafts'],
		at: ['library', 'cafe', 'arts-centre'],
		when: ['m1:* 19:00-21:00', 'm3:* 14:00-16:00'],
		cost: 'free'
	}),
	group(1, {
		name: 'Fennick Vale Welsh Learners Online',
		nameCy: 'Dysgwyr Cymraeg Dyffryn Fennick Ar-lein',
		description: 'A video call in simple Welsh, for learners who want to practise speaking.',
		descriptionCy: 'Galwad fideo mewn Cymraeg syml i ddysgwyr sydd eisiau ymarfer siarad.',
		categories: ['reading-and-languages'],
		at: ['online'],
		when: ['w1 19:30-20:30'],
		cost: 'free',
		languages: ['cy', 'en']
	}),
	group(2, {
		name: '{place} Film Club',
		description: 'A film on the big screen once a month, with a chat and a cuppa afterwards.',
		categories: ['creative-and-learning', 'coffee-and-chat'],
		at: ['arts-centre', 'community-centre', 'village-hall', 'pub'],
		when: ['m2:* 19:00-21:30', 'm-1:5 19:00-21:30'],
		cost: 'low:£3, including popcorn'
	}),
	group(2, {
		name: '{place} Local History Society',
		description:
			'Talks, old photographs and walks about how the Vale used to be. Visitors welcome.',
		categories: ['creative-and-learning', 'reading-and-languages'],
		at: ['library', 'church-hall', 'village-hall'],
		when: ['m3:* 19:00-21:00'],
		cost: 'low:£2 for visitors'
	})
];
