/** Euros as e-Boekhouden and the draft carry them (at most two decimals) ↔ integer cents, for exact comparisons. */
export function toCents(euros: number): number {
	return Math.round(euros * 100);
}

export function toEuros(cents: number): number {
	return cents / 100;
}
