/**
 * Password hashing (argon2id, OWASP's minimum settings) and the password rule Patchwork applies
 * everywhere a password is set (OWASP ASVS 6.2): at least 12 characters, not one of the 10,000 most
 * common passwords, and no composition rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify, type Options } from '@node-rs/argon2';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS: Options = {
	// Algorithm.Argon2id; the enum is `const` so it cannot be imported under isolatedModules.
	algorithm: 2,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
};

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length, but a megabyte of "password" is a cheap way to tie up a core. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Hash a password for storage.
 * @returns a PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$…`
 */
export async function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/**
 * Check a password against a stored hash. A malformed hash counts as a mismatch, never an exception,
 * so a damaged row cannot turn a sign-in into a server error.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real check, for sign-ins with no account behind them, so response time
 * does not reveal which email addresses have accounts.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
	dummyHash ??= hashPassword(generatePassword());
	await verifyPassword(await dummyHash, password);
}

export const COMMON_PASSWORD_MESSAGE =
	'Choose a less common password: this one is among the 10,000 most used, which are guessed first';

/** Where the list of common passwords lives, beside this file in the source tree. */
export const COMMON_PASSWORDS_FILE = 'src/lib/server/auth/common-passwords.txt';

let commonPasswords: Set<string> | undefined;

/**
 * The 10,000 most common passwords, in lower case: SecLists' Passwords/Common-Credentials/
 * 10k-most-common.txt (MIT licence, https://github.com/danielmiessler/SecLists), unchanged but for
 * its line ends (CRLF to LF). Read once, on first use (the server reads it at start).
 *
 * Run from source (tsx, Vitest) it is found beside this module; the built server (build/) runs from
 * the project folder, as it does for drizzle/ and data/demo/, and finds it there.
 * @throws Error when the file cannot be found: a missing list must stop the rule, never skip it
 */
export function loadCommonPasswords(): ReadonlySet<string> {
	if (commonPasswords) return commonPasswords;
	const candidates = [
		fileURLToPath(new URL('./common-passwords.txt', import.meta.url)),
		resolve(COMMON_PASSWORDS_FILE)
	];
	const path = candidates.find((candidate) => existsSync(candidate));
	if (!path) {
		throw new Error(
			`The list of common passwords (${COMMON_PASSWORDS_FILE}) is missing: run Patchwork from its project folder.`
		);
	}
	const words = readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.filter((line) => line !== '')
		.map((line) => line.toLowerCase());
	commonPasswords = new Set(words);
	return commonPasswords;
}

/**
 * Whether a password is one of the 10,000 most common, whatever its case.
 * @example isCommonPassword('PassWord') // true
 */
export function isCommonPassword(password: string): boolean {
	return loadCommonPasswords().has(password.toLowerCase());
}

/**
 * The password rule: at least 12 characters (and at most 256), not one character repeated, and not
 * one of the 10,000 most common passwords in any case. No composition rules: length beats them
 * (OWASP ASVS 6.2, NCSC and NIST SP 800-63B all say so).
 * @returns a message to show next to the field, or null when the password is acceptable
 * @example checkPasswordStrength('aaaaaaaaaaaa') // 'Password must not be one character repeated'
 * @example checkPasswordStrength('Unbelievable') // COMMON_PASSWORD_MESSAGE
 */
export function checkPasswordStrength(password: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
	}
	if (length > PASSWORD_MAX_LENGTH) {
		return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
	}
	if (new Set(password).size === 1) {
		return 'Password must not be one character repeated';
	}
	if (isCommonPassword(password)) {
		return COMMON_PASSWORD_MESSAGE;
	}
	return null;
}

/** 32 symbols so each random byte maps without bias; no l, o, 0 or 1 to misread. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A random password to hand to a new user: four groups of five, about 100 bits.
 * @example generatePassword() // 'k7mwq-3hxze-p2vna-9rtcu'
 */
export function generatePassword(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
	return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
