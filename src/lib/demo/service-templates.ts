/** Services: community, commissioned and statutory. The connection finder lists them last. */
import type { AssetTemplate } from './template-types';

const service = (
	sector: NonNullable<AssetTemplate['sector']>,
	count: number,
	rest: Omit<AssetTemplate, 'kind' | 'count' | 'sector'>
): AssetTemplate => ({ kind: 'service', sector, count, cost: 'free', ...rest });

export const SERVICE_TEMPLATES: readonly AssetTemplate[] = [
	service('community', 3, {
		name: '{place} Food Bank',
		nameCy: 'Banc Bwyd {place}',
		description:
			'Emergency food parcels and a friendly chat. No voucher needed on Friday mornings.',
		descriptionCy: 'Parseli bwyd brys a sgwrs gyfeillgar. Does dim angen taleb ar fore Gwener.',
		categories: ['food', 'money-and-debt'],
		at: ['church-hall', 'community-centre', 'hub'],
		when: ['w2 10:00-12:00 + w5 10:00-12:00']
	}),
	service('community', 1, {
		name: 'Fennick Vale Credit Union',
		description: 'Saving and fair loans for everyone who lives or works in the Vale.',
		categories: ['money-and-debt'],
		at: ['own'],
		when: ['w1 10:00-15:00 + w3 10:00-15:00 + w5 10:00-15:00']
	}),
	service('community', 1, {
		name: 'Fennick Vale Advice Centre',
		description: 'Free, independent advice on benefits, debt, housing and work.',
		categories: ['money-home-and-work', 'money-and-debt', 'housing-and-home'],
		at: ['own'],
		when: ['w1 09:30-16:00 + w2 09:30-16:00 + w4 09:30-16:00'],
		languages: ['en', 'cy', 'pl']
	}),
	service('community', 3, {
		name: 'Advice Surgery at {venue}',
		description: 'Drop in for free advice on benefits, debt and housing. No appointment needed.',
		categories: ['money-home-and-work', 'money-and-debt'],
		at: ['library', 'hub', 'community-centre'],
		when: ['w* 10:00-12:30', 'f* 13:30-16:00']
	}),
	service('community', 1, {
		name: 'Fennick Vale Volunteer Centre',
		description: 'Find volunteering that suits you, from an hour a month to regular roles.',
		categories: ['work-and-volunteering', 'money-home-and-work'],
		at: ['own'],
		when: ['w2 10:00-16:00 + w4 10:00-16:00']
	}),
	service('community', 1, {
		name: 'Fennick Vale Community Transport',
		description:
			'Door-to-door minibus trips for anyone who finds buses hard to use. Book a day ahead.',
		categories: ['getting-about'],
		at: ['online'],
		cost: 'low:£3 a single trip',
		access: ['step_free']
	}),
	service('community', 3, {
		name: '{place} Community Pantry',
		description:
			'Members choose groceries worth about £15 for £4 a week. Open to anyone in the area.',
		categories: ['food', 'money-and-debt', 'money-home-and-work'],
		at: ['church-hall', 'community-centre', 'hub'],
		when: ['w* 14:00-17:00'],
		cost: 'low:£4 a week'
	}),
	service('community', 1, {
		name: 'Vale Befriending',
		description: 'A volunteer visits or phones for a chat every week, for as long as you like.',
		categories: ['mental-wellbeing', 'coffee-and-chat'],
		at: ['online']
	}),
	service('community', 2, {
		name: '{place} Baby Bank',
		description: 'Free prams, cots, clothes and nappies for families, collected from {venue}.',
		categories: ['family-activities', 'housing-and-home'],
		at: ['family-centre', 'church-hall'],
		when: ['w3 10:00-13:00'],
		family: true
	}),
	service('community', 1, {
		name: 'Fennick Vale Furniture Reuse',
		description: 'Good second-hand furniture and white goods at low prices, with delivery.',
		categories: ['repair-and-reuse', 'housing-and-home'],
		at: ['own'],
		when: ['w2 10:00-16:00 + w4 10:00-16:00 + w6 10:00-14:00'],
		cost: 'low:Low prices; free for some households'
	}),
	service('community', 2, {
		name: '{place} Community Fridge',
		description: 'Surplus food from local shops, free to anyone. Bring a bag.',
		categories: ['food', 'repair-and-reuse'],
		at: ['hub', 'community-centre', 'church-hall'],
		when: ['w* 12:00-14:00 + w* 12:00-14:00']
	}),
	service('community', 1, {
		name: 'Fennick Vale Wellbeing Hub',
		description: 'A drop-in for a chat, information and help to find groups and activities.',
		categories: ['health-and-wellbeing', 'mental-wellbeing'],
		at: ['own'],
		when: ['w1 10:00-16:00 + w3 10:00-16:00 + w5 10:00-14:00'],
		access: ['step_free', 'quiet_space', 'accessible_toilet']
	}),
	service('community', 1, {
		name: 'Fennick Vale Energy Advice',
		description: 'Help to cut energy bills, switch tariffs and apply for grants for insulation.',
		categories: ['money-and-debt', 'housing-and-home'],
		at: ['online']
	}),
	service('community', 1, {
		name: 'New to the Vale Welcome Project',
		description:
			'Help with English classes, forms, schools and doctors for people who have just moved here.',
		categories: ['reading-and-languages', 'money-home-and-work'],
		at: ['own'],
		when: ['w2 10:00-13:00'],
		languages: ['en', 'ar', 'pl', 'ro', 'ur', 'so']
	}),
	service('community', 1, {
		name: "Fennick Vale Carers' Centre",
		description: 'Information, a listening ear and short breaks for anyone looking after someone.',
		categories: ['caring-for-someone'],
		at: ['own'],
		when: ['w1 09:30-16:30 + w2 09:30-16:30 + w3 09:30-16:30 + w4 09:30-16:30']
	}),
	service('commissioned', 1, {
		name: 'Vale Money Advice Line',
		description: 'Free, confidential debt advice by phone, with home visits if you need one.',
		categories: ['money-and-debt'],
		at: ['online']
	}),
	service('commissioned', 1, {
		name: 'Vale Mental Wellbeing Service',
		description:
			'Short courses and one-to-one support for low mood, stress and anxiety. Refer yourself.',
		categories: ['mental-wellbeing'],
		at: ['own'],
		ages: [18, null]
	}),
	service('commissioned', 1, {
		name: 'Care and Repair Fennick Vale',
		description:
			'Small repairs and adaptations, such as grab rails and ramps, to help you stay at home.',
		categories: ['housing-and-home', 'repair-and-reuse'],
		at: ['online']
	}),
	service('commissioned', 1, {
		name: 'Fennick Vale Dial-a-Ride',
		description: 'Accessible minibuses for local journeys, booked by phone.',
		categories: ['getting-about'],
		at: ['online'],
		cost: 'low:£2.50 a trip',
		access: ['step_free']
	}),
	service('commissioned', 3, {
		name: 'Strength and Balance Class at {venue}',
		description: 'A 12-week exercise course to improve balance and confidence on your feet.',
		categories: ['sport-and-exercise', 'health-and-care-services'],
		at: ['community-centre', 'leisure-centre', 'church-hall'],
		when: ['w* 10:00-11:00', 'w* 13:30-14:30']
	}),
	service('commissioned', 2, {
		name: 'Stop Smoking Drop-in at {venue}',
		description: 'Free support and nicotine replacement to help you stop smoking.',
		categories: ['health-and-care-services'],
		at: ['library', 'hub', 'leisure-centre'],
		when: ['w* 16:00-18:00']
	}),
	service('commissioned', 2, {
		name: 'Work and Skills Hub at {venue}',
		description:
			'One-to-one help to find work, training or a course, with a mentor who stays with you.',
		categories: ['work-and-volunteering', 'digital-skills'],
		at: ['hub', 'library'],
		when: ['w2 09:30-16:00', 'w4 09:30-16:00'],
		ages: [16, null]
	}),
	service('commissioned', 3, {
		name: 'Family Support Drop-in at {venue}',
		description:
			'Friendly help with routines, behaviour, money and anything else family life brings.',
		categories: ['family-activities'],
		at: ['family-centre', 'school', 'community-centre'],
		when: ['w* 09:30-11:30'],
		family: true
	}),
	service('commissioned', 2, {
		name: 'Healthy Start Cooking at {venue}',
		description: 'A six-week course cooking quick, cheap family meals. Ingredients provided.',
		categories: ['food', 'family-activities'],
		at: ['family-centre', 'community-centre'],
		when: ['w* 10:00-12:00'],
		family: true
	}),
	service('commissioned', 3, {
		name: 'Adult Learning: {course} at {venue}',
		description: 'A free ten-week course for adults, with a certificate at the end.',
		categories: ['creative-and-learning', 'digital-skills'],
		at: ['library', 'community-centre', 'hub'],
		when: ['w* 13:00-15:00', 'w* 18:00-20:00'],
		ages: [19, null]
	}),
	service('commissioned', 2, {
		name: 'Dysgu Cymraeg at {venue}',
		nameCy: 'Dysgu Cymraeg, {venue}',
		description: 'Welsh classes for adults at every level, from complete beginners up.',
		descriptionCy: 'Dosbarthiadau Cymraeg i oedolion ar bob lefel, o ddechreuwyr pur ymlaen.',
		categories: ['reading-and-languages', 'creative-and-learning'],
		at: ['library', 'chapel', 'community-centre'],
		when: ['w* 18:30-20:30'],
		cost: 'low:£45 a term, free for some',
		ages: [16, null],
		languages: ['cy', 'en']
	}),
	service('commissioned', 1, {
		name: 'Vale Tenancy Support',
		description:
			'Help to keep your home: bills, repairs, neighbours and letters from the landlord.',
		categories: ['housing-and-home'],
		at: ['online']
	}),
	service('commissioned', 1, {
		name: "Fennick Vale Carers' Support Service",
		description:
			"A carer's assessment, advice and emergency planning for anyone looking after someone.",
		categories: ['caring-for-someone'],
		at: ['online']
	}),
	service('statutory', 3, {
		name: '{place} Health Centre',
		nameCy: 'Canolfan Iechyd {place}',
		description: 'GP surgery, practice nurses and a community pharmacy next door.',
		descriptionCy: 'Meddygfa, nyrsys practis a fferyllfa gymunedol drws nesaf.',
		categories: ['health-and-care-services', 'health-and-wellbeing'],
		at: ['own'],
		when: ['w1 08:00-18:30 + w2 08:00-18:30 + w3 08:00-18:30 + w4 08:00-18:30 + w5 08:00-18:30'],
		access: ['step_free', 'accessible_toilet', 'hearing_loop', 'parking']
	}),
	service('statutory', 1, {
		name: 'Fennick Vale Council Housing Options',
		nameCy: 'Opsiynau Tai Cyngor Dyffryn Fennick',
		description: 'Advice if you are homeless or worried about losing your home.',
		descriptionCy: "Cyngor os ydych chi'n ddigartref neu'n poeni am golli eich cartref.",
		categories: ['housing-and-home'],
		at: ['own'],
		when: ['w1 09:00-17:00 + w2 09:00-17:00 + w3 09:00-17:00 + w4 09:00-17:00 + w5 09:00-16:30'],
		languages: ['en', 'cy']
	}),
	service('statutory', 1, {
		name: 'Fennick Vale Council Tax and Benefits',
		nameCy: 'Treth Gyngor a Budd-daliadau Dyffryn Fennick',
		description:
			'Council Tax Reduction, housing benefit and free school meals, online or by phone.',
		descriptionCy:
			'Gostyngiad y Dreth Gyngor, budd-dal tai a phrydau ysgol am ddim, ar-lein neu dros y ffôn.',
		categories: ['money-and-debt'],
		at: ['online'],
		languages: ['en', 'cy']
	}),
	service('statutory', 1, {
		name: 'Adult Social Care First Contact',
		description:
			'The first place to ask about care and support at home, for yourself or someone else.',
		categories: ['caring-for-someone', 'health-and-care-services'],
		at: ['online'],
		languages: ['en', 'cy']
	}),
	service('statutory', 1, {
		name: 'Fennick Jobcentre',
		description: 'Benefits and help to find work. Book an appointment online or by phone.',
		categories: ['work-and-volunteering', 'money-and-debt'],
		at: ['own'],
		when: ['w1 09:00-17:00 + w2 09:00-17:00 + w3 09:00-17:00 + w4 09:00-17:00 + w5 09:00-17:00']
	}),
	service('statutory', 3, {
		name: 'Health Visitor Drop-in at {venue}',
		description:
			'Weigh your baby and talk to a health visitor about feeding, sleep and development.',
		categories: ['family-activities', 'health-and-care-services'],
		at: ['family-centre', 'library', 'community-centre'],
		when: ['w* 13:30-15:30', 'f* 09:30-11:30'],
		ages: [0, 5],
		family: true
	}),
	service('statutory', 1, {
		name: 'Community Mental Health Team',
		description:
			'Specialist NHS mental health care. Ask your GP, or ring if you already use the service.',
		categories: ['mental-wellbeing', 'health-and-care-services'],
		at: ['own'],
		ages: [18, null]
	}),
	service('statutory', 1, {
		name: 'Library Home Delivery',
		description: 'Books, audiobooks and large print delivered to your door every three weeks.',
		categories: ['reading-and-languages'],
		at: ['roaming'],
		access: ['large_print']
	}),
	service('statutory', 2, {
		name: 'Council Hub at {venue}',
		description: 'Council staff answer questions about bins, housing, Council Tax and more.',
		categories: ['money-home-and-work', 'housing-and-home'],
		at: ['library', 'hub'],
		when: ['w* 10:00-13:00']
	}),
	service('statutory', 1, {
		name: 'Community Dental Service',
		description: 'NHS dental care for people who find it hard to use an ordinary dental practice.',
		categories: ['health-and-care-services'],
		at: ['own'],
		access: ['step_free', 'accessible_toilet', 'quiet_space']
	}),
	service('statutory', 1, {
		name: 'School Nursing Service',
		description: 'Confidential health advice for pupils and their families, in school or by text.',
		categories: ['health-and-care-services', 'family-activities'],
		at: ['online'],
		ages: [5, 19],
		family: true
	}),
	service('statutory', 1, {
		name: 'Fennick Vale Leisure Pass',
		description:
			'Reduced-price swimming and gym for anyone on a low income, from any leisure centre.',
		categories: ['sport-and-exercise', 'active-and-outdoors', 'money-and-debt'],
		at: ['online']
	})
];
