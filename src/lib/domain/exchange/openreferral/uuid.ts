/**
 * UUIDs without a library: SHA-1 (for name-based version 5 UUIDs, RFC 9562 §5.5) and a custom
 * version 8 layout (§5.8) that carries a Patchwork row id, so an API can find the row from the UUID
 * with one indexed lookup instead of hashing every row. Pure: no node:crypto, works anywhere.
 */

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The SHA-1 digest of bytes (20 bytes). Only for ids: SHA-1 is not for security. */
export function sha1(bytes: Uint8Array): Uint8Array {
	const bitLength = bytes.length * 8;
	const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
	padded.set(bytes);
	padded[bytes.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
	view.setUint32(padded.length - 4, bitLength >>> 0);

	const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
	const w = new Uint32Array(80);
	const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
	for (let offset = 0; offset < padded.length; offset += 64) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
		for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
		let [a, b, c, d, e] = h;
		for (let i = 0; i < 80; i++) {
			let f: number;
			let k: number;
			if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
			else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
			else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
			else [f, k] = [b ^ c ^ d, 0xca62c1d6];
			const temp = (rotl(a, 5) + f + e + k + w[i]) >>> 0;
			[e, d, c, b, a] = [d, c, rotl(b, 30) >>> 0, a, temp];
		}
		h[0] = (h[0] + a) >>> 0;
		h[1] = (h[1] + b) >>> 0;
		h[2] = (h[2] + c) >>> 0;
		h[3] = (h[3] + d) >>> 0;
		h[4] = (h[4] + e) >>> 0;
	}
	const out = new Uint8Array(20);
	const outView = new DataView(out.buffer);
	h.forEach((word, i) => outView.setUint32(i * 4, word));
	return out;
}

function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function format(hex: string): string {
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Whether a string is a UUID written the usual way (any version, lower or upper case). */
export function isUuid(value: string): boolean {
	return UUID_SHAPE.test(value.toLowerCase());
}

/**
 * A name-based UUID (version 5): the same namespace and name always give the same UUID.
 * @example uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')
 * // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function uuidV5(namespace: string, name: string): string {
	if (!isUuid(namespace)) throw new RangeError(`Not a UUID: ${namespace}`);
	const ns = namespace.replace(/-/g, '');
	const nameBytes = new TextEncoder().encode(name);
	const bytes = new Uint8Array(16 + nameBytes.length);
	for (let i = 0; i < 16; i++) bytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
	bytes.set(nameBytes, 16);
	const hash = sha1(bytes).slice(0, 16);
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	return format(toHex(hash));
}

/**
 * A version 8 UUID laid out as `PPPPPPPP-PPPP-8KKK-8000-NNNNNNNNNNNN`: a 12-hex-digit prefix (which
 * deployment), a 3-hex-digit kind (which table), and the row id in the last 12 hex digits.
 * @example uuidV8('a1b2c3d4e5f6', 1, 42) // 'a1b2c3d4-e5f6-8001-8000-00000000002a'
 */
export function uuidV8(prefix: string, kind: number, id: number): string {
	if (!/^[0-9a-f]{12}$/.test(prefix)) throw new RangeError('The prefix must be 12 hex digits');
	if (!Number.isInteger(kind) || kind < 0 || kind > 0xfff) throw new RangeError('Bad kind');
	if (!Number.isSafeInteger(id) || id < 0 || id > 0xffffffffffff) throw new RangeError('Bad id');
	const hex = `${prefix}8${kind.toString(16).padStart(3, '0')}8000${id.toString(16).padStart(12, '0')}`;
	return format(hex);
}

/** The kind and row id of a UUID made by uuidV8 with this prefix, or null if it is not one. */
export function parseUuidV8(prefix: string, uuid: string): { kind: number; id: number } | null {
	if (!isUuid(uuid)) return null;
	const hex = uuid.toLowerCase().replace(/-/g, '');
	if (hex.slice(0, 12) !== prefix || hex[12] !== '8' || hex.slice(16, 20) !== '8000') return null;
	return { kind: parseInt(hex.slice(13, 16), 16), id: parseInt(hex.slice(20), 16) };
}

/** The first 12 hex digits of SHA-1 of a string: a short, stable prefix for uuidV8. */
export function hashPrefix(text: string): string {
	return toHex(sha1(new TextEncoder().encode(text))).slice(0, 12);
}
