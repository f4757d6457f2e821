import { createHash } from 'node:crypto';

/**
 * The code a relation this package creates gets, derived from the e-mail address (trimmed, lower case) so every
 * process that creates the same customer asks for the same code and e-Boekhouden refuses all but the first
 * (REL_049, "Code already exists"). Codes hold at most 15 characters: up to 7 letters and digits of the address
 * before the @, for a bookkeeper to recognise, then 8 characters of a SHA-256 of the whole address (40 bits), e.g.
 * jan.jansen@example.com → JANJANS + 8 characters. Only A–Z and 0–9 are used: which other characters
 * e-Boekhouden accepts in a code (REL_005 "Code is invalid") is not documented.
 *
 * `attempt` 1, 2, … give the next codes for the same address, for when its code is held by a relation with another
 * address (made by hand): every process walks the same codes in the same order, so they still meet on one.
 */
export const RELATION_CODE_MAX = 15;
/** Codes tried for one address when earlier ones are held by relations with other addresses. */
export const CODE_ATTEMPTS = 5;
const READABLE = 7;
const HASHED = 8;
/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed back is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

function base32(bytes: Buffer, length: number): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5 && out.length < length) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
		if (out.length === length) break;
	}
	return out;
}

export function relationCode(email: string, attempt = 0): string {
	const address = normaliseEmail(email);
	const local = address.split('@')[0] ?? '';
	const readable = local
		.toUpperCase()
		.replace(/[^A-Z0-9]/g, '')
		.slice(0, READABLE);
	const digest = createHash('sha256')
		.update(attempt === 0 ? address : `${address}#${attempt}`)
		.digest();
	return `${readable}${base32(digest, HASHED)}`;
}
