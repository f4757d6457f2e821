import type { IDataObject } from 'n8n-workflow';

import type { Relation } from '../../api/schemas';
import type { CustomerChanges } from './changes';
import { normaliseEmail } from './code';

export interface FoundRelation {
	relation: IDataObject & { id: number };
	created: boolean;
	/** Relations e-Boekhouden returned for this e-mail address (incl. inactive ones). */
	matches: number;
	warnings: string[];
	/** With Update Changed Customer Details: the fields the order changed on the found relation (from → to). */
	changes?: CustomerChanges;
}

export function sameEmail(relation: Relation, email: string): boolean {
	return [relation.emailAddress, relation.emailAddressInvoice].some(
		(address) => typeof address === 'string' && normaliseEmail(address) === email,
	);
}
