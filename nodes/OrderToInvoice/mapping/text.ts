/** Trims and cuts text to e-Boekhouden's maximum length, counting characters, never splitting one. */
export function cut(value: string | null | undefined, max: number): string {
	const characters = Array.from((value ?? '').trim());
	return characters.length <= max
		? characters.join('')
		: characters.slice(0, max).join('').trimEnd();
}
