/**
 * A small Welsh-English word list for searching, so a Welsh search finds entries written only in
 * English ("cerdded" finds walking groups). It covers the categories' words and the words people
 * search for most; mutated forms that start a word often ("gerdded", "ganu") are listed too. English
 * words are stems, matched as prefixes ("walk" finds walking, walks, walkers). Words that are also
 * English words ("plant", "tai", "bore") are left out, so an English search never changes.
 */
export const WELSH_TO_ENGLISH: Readonly<Record<string, readonly string[]>> = {
	cerdded: ['walk'],
	gerdded: ['walk'],
	bwyd: ['food'],
	fwyd: ['food'],
	prydau: ['meal', 'lunch'],
	coffi: ['coffee'],
	goffi: ['coffee'],
	sgwrs: ['chat'],
	sgwrsio: ['chat'],
	canu: ['sing', 'choir'],
	ganu: ['sing', 'choir'],
	chanu: ['sing', 'choir'],
	côr: ['choir'],
	cerddoriaeth: ['music'],
	gerddoriaeth: ['music'],
	celf: ['art'],
	gelf: ['art'],
	crefft: ['craft'],
	crefftau: ['craft'],
	darllen: ['read', 'book'],
	ddarllen: ['read', 'book'],
	llyfrau: ['book'],
	llyfrgell: ['library'],
	garddio: ['garden'],
	gardd: ['garden'],
	natur: ['nature'],
	chwaraeon: ['sport'],
	ymarfer: ['exercise', 'fitness'],
	nofio: ['swim'],
	dawns: ['dance'],
	dawnsio: ['dance'],
	beicio: ['cycl', 'bike'],
	iechyd: ['health'],
	lles: ['wellbeing'],
	meddyliol: ['mental'],
	gofalwyr: ['carer'],
	gofalu: ['caring', 'carer'],
	teulu: ['family', 'families'],
	teuluoedd: ['family', 'families'],
	blant: ['child'],
	phlant: ['child'],
	ifanc: ['young', 'youth'],
	cyfeillgarwch: ['friend'],
	ffrindiau: ['friend'],
	unigrwydd: ['lonel'],
	arian: ['money'],
	dyled: ['debt'],
	cartref: ['home'],
	gwaith: ['work', 'job'],
	gwirfoddoli: ['volunteer'],
	digidol: ['digital'],
	cyfrifiadur: ['computer'],
	trwsio: ['repair', 'fix'],
	ffydd: ['faith'],
	eglwys: ['church'],
	capel: ['chapel'],
	canolfan: ['centre'],
	ganolfan: ['centre'],
	neuadd: ['hall'],
	grŵp: ['group'],
	grwp: ['group'],
	grwpiau: ['group'],
	clwb: ['club'],
	glwb: ['club'],
	cymorth: ['support', 'help'],
	gymorth: ['support', 'help'],
	cefnogaeth: ['support'],
	cyngor: ['advice'],
	dysgu: ['learn', 'course'],
	ieithoedd: ['language'],
	gwau: ['knit'],
	gweu: ['knit']
};

/**
 * The English words to search for as well as a Welsh one; none for any other word.
 * @example englishFor('cerdded') // ['walk']
 * @example englishFor('walking') // []
 */
export function englishFor(word: string): readonly string[] {
	return Object.hasOwn(WELSH_TO_ENGLISH, word) ? WELSH_TO_ENGLISH[word] : [];
}
