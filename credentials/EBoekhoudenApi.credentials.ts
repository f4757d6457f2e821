import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { openSession } from '../nodes/EBoekhouden/api/session';

/**
 * e-Boekhouden.nl REST API: the API token buys a short-lived session token (`POST /v1/session`), which goes raw in
 * `Authorization`, without a "Bearer" prefix (https://api.e-boekhouden.nl/swagger/index.html). n8n keeps the
 * session in the hidden expirable field and calls preAuthentication again when it is empty or a request answered
 * 401 (the Metabase pattern).
 *
 * The display name keeps a capital E: n8n's credential lint rule (cred-class-field-display-name-miscased, run by
 * the community-package scanner) requires title case and title-cases "e-Boekhouden" to "E-Boekhouden", as n8n's
 * own "E-goi API" credential is.
 */
export class EBoekhoudenApi implements ICredentialType {
	name = 'eBoekhoudenApi';

	displayName = 'E-Boekhouden.nl API';

	icon = {
		light: 'file:../nodes/EBoekhouden/eBoekhouden.svg',
		dark: 'file:../nodes/EBoekhouden/eBoekhouden.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/mijnwebwinkel-eboekhouden/n8n-nodes-mijnwebwinkel-eboekhouden#e-boekhoudennl-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In e-Boekhouden: Beheer → Inrichting → Koppelingen → API → Toevoegen, type "e-Boekhouden API". Not the old API/SOAP codes: those do not work here. The token is shown once.',
			hint: 'In e-Boekhouden: Beheer → Inrichting → Koppelingen → API → Toevoegen, type "e-Boekhouden API" (not the old API/SOAP codes)',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description: 'A name for this connection that e-Boekhouden support sees in its logs',
			hint: '1–10 letters, digits, underscores or spaces, e.g. n8n or Webshop',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.e-boekhouden.nl',
			description: 'Change only to use a proxy or a test server',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { sessionToken: await openSession(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.sessionToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/invoicetemplate',
			qs: { limit: 1 },
		},
	};
}
