/**
 * The demo taxonomy: what people do and need, in two levels, with Welsh names. No category labels a
 * kind of person ("no labels"): "Caring for someone", not "Carers".
 */
import type { DemoCategories } from '../domain/schemas/demo-borough';

type Category = DemoCategories[number];

const parent = (id: string, name: string, nameCy: string, description: string): Category => ({
	id,
	parentId: null,
	name,
	nameCy,
	description
});

/** Children as [id, name, Welsh name]. */
const children = (parentId: string, list: readonly [string, string, string][]): Category[] =>
	list.map(([id, name, nameCy]) => ({ id, parentId, name, nameCy }));

/** Parents first, each followed by its children. */
export const DEMO_CATEGORIES: readonly Category[] = [
	parent(
		'social-and-friendship',
		'Social and friendship',
		'Cymdeithasu a chyfeillgarwch',
		'Places and groups to meet people, eat together, chat and belong.'
	),
	...children('social-and-friendship', [
		['coffee-and-chat', 'Coffee mornings and chat', 'Boreau coffi a sgwrs'],
		['food', 'Food and shared meals', 'Bwyd a phrydau bwyd'],
		['family-activities', 'Family activities', 'Gweithgareddau i deuluoedd'],
		['faith-and-culture', 'Faith and culture', 'Ffydd a diwylliant'],
		['community-spaces', 'Community spaces', 'Mannau cymunedol']
	]),
	parent(
		'creative-and-learning',
		'Creative and learning',
		'Creadigrwydd a dysgu',
		'Making and mending things, music, reading and learning something new.'
	),
	...children('creative-and-learning', [
		['arts-and-crafts', 'Arts and crafts', 'Celf a chrefft'],
		['music-and-singing', 'Music and singing', 'Cerddoriaeth a chanu'],
		['reading-and-languages', 'Reading and languages', 'Darllen ac ieithoedd'],
		['digital-skills', 'Digital skills', 'Sgiliau digidol'],
		['repair-and-reuse', 'Repair and reuse', 'Trwsio ac ailddefnyddio']
	]),
	parent(
		'active-and-outdoors',
		'Active and outdoors',
		'Bod yn egnïol ac yn yr awyr agored',
		'Walking, sport, gardening and getting outside.'
	),
	...children('active-and-outdoors', [
		['walking-and-outdoors', 'Walking and outdoors', "Cerdded a'r awyr agored"],
		['sport-and-exercise', 'Sport and exercise', 'Chwaraeon ac ymarfer corff'],
		['gardening-and-nature', 'Gardening and nature', 'Garddio a natur']
	]),
	parent(
		'money-home-and-work',
		'Money, home and work',
		'Arian, cartref a gwaith',
		'Money advice, housing, work, volunteering and getting about.'
	),
	...children('money-home-and-work', [
		['money-and-debt', 'Money and debt', 'Arian a dyled'],
		['housing-and-home', 'Housing and home', "Tai a'r cartref"],
		['work-and-volunteering', 'Work and volunteering', 'Gwaith a gwirfoddoli'],
		['getting-about', 'Getting about', 'Teithio o gwmpas']
	]),
	parent(
		'health-and-wellbeing',
		'Health and wellbeing',
		'Iechyd a lles',
		'Feeling well, looking after someone, and health and care services.'
	),
	...children('health-and-wellbeing', [
		['mental-wellbeing', 'Mental wellbeing', 'Lles meddyliol'],
		['caring-for-someone', 'Caring for someone', 'Gofalu am rywun'],
		['health-and-care-services', 'Health and care services', 'Gwasanaethau iechyd a gofal']
	])
];
