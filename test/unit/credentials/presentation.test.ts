import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties } from 'n8n-workflow';

import { EBoekhoudenApi } from '../../../credentials/EBoekhoudenApi.credentials';
import { MijnwebwinkelApi } from '../../../credentials/MijnwebwinkelApi.credentials';

/**
 * What a new user sees in n8n's credential dialog. There a field's `description` is only a tooltip on the label
 * (shown on focus); its `hint` is the text under the input that is always visible.
 */

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const field = (properties: INodeProperties[], name: string): INodeProperties => {
	const found = properties.find((property) => property.name === name);
	if (!found) throw new Error(`no field ${name}`);
	return found;
};

describe('credential dialogs', () => {
	const mijnwebwinkel = new MijnwebwinkelApi().properties;

	it('says under the Store Token where the shop keeps it, in the Dutch menu names', () => {
		const hint = field(mijnwebwinkel, 'storeToken').hint ?? '';
		for (const step of [
			'Instellingen → Add-ons & Modules → API',
			'Instellingen → API',
			'Token toevoegen',
			'Toon token',
		]) {
			expect(hint).toContain(step);
		}
	});

	it('says under the Partner Token that it comes from registering an application, not from the shop', () => {
		const hint = field(mijnwebwinkel, 'partnerToken').hint ?? '';
		expect(hint).toContain('mijnwebwinkel.nl/contact');
		expect(hint).toMatch(/register/i);
	});

	it('says under the e-Boekhouden API Token where to make it, and which kind', () => {
		const hint = field(new EBoekhoudenApi().properties, 'accessToken').hint ?? '';
		expect(hint).toContain('Beheer → Inrichting → Koppelingen → API → Toevoegen');
		expect(hint).toContain('"e-Boekhouden API"');
	});

	it('keeps the longer explanation in the tooltip of every visible field', () => {
		const visible = [...mijnwebwinkel, ...new EBoekhoudenApi().properties].filter(
			(property) => property.type !== 'hidden',
		);
		expect(visible.filter((property) => !property.description).map(({ name }) => name)).toEqual([]);
	});

	it('lists each credential type under the name the README tells users to pick', () => {
		const named = [...README.matchAll(/Add credential → \*\*([^*]+)\*\*/g)].map(
			(match) => match[1],
		);
		expect(named.sort()).toEqual(
			[new MijnwebwinkelApi().displayName, new EBoekhoudenApi().displayName].sort(),
		);
	});

	it('names the e-Boekhouden type in the title case n8n requires of credential names', () => {
		// n8n's lint rule title-cases "e-Boekhouden" to "E-Boekhouden" (as n8n's own "E-goi API").
		expect(new EBoekhoudenApi().displayName).toBe('E-Boekhouden.nl API');
	});
});
