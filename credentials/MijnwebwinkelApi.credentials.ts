import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const LANGUAGES = [
	'nl_NL',
	'en_GB',
	'de_DE',
	'fr_FR',
	'es_ES',
	'en_US',
	'pt_PT',
	'it_IT',
	'da_DK',
	'sv_SE',
	'no_NO',
	'tr_TR',
	'pl_PL',
];

export class MijnwebwinkelApi implements ICredentialType {
	name = 'mijnwebwinkelApi';

	displayName = 'Mijnwebwinkel API';

	icon: Icon = {
		light: 'file:../nodes/Mijnwebwinkel/mijnwebwinkel.svg',
		dark: 'file:../nodes/Mijnwebwinkel/mijnwebwinkel.dark.svg',
	};

	documentationUrl = 'https://connect.myonlinestore.com';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Token',
			name: 'storeToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The token of your shop. In Mijnwebwinkel go to Instellingen → Add-ons & Modules → API (older shops: Instellingen → API), click "Token toevoegen", choose the partner whose partner token you enter below, leave it unlimited and active, save, and copy it with "Toon token".',
			hint: 'In your shop: Instellingen → Add-ons & Modules → API (older shops: Instellingen → API) → Token toevoegen, pick the partner of the Partner Token, save, then Toon token',
		},
		{
			displayName: 'Partner Token',
			name: 'partnerToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The token of the registered application (partner) that Mijnwebwinkel gave when it was registered. It must belong to the partner picked when the store token was made.',
			hint: 'Mijnwebwinkel sends it when you register your application via mijnwebwinkel.nl/contact; it is not in the shop menus',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: LANGUAGES.map((code) => ({ name: code, value: code })),
			default: 'nl_NL',
			description: 'Language of texts the API returns, such as order status names and countries',
			hint: 'Status and country names arrive in this language; country names end up on the relation',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.myonlinestore.com',
			description: 'Change only to reach the API through a proxy or a test server',
		},
	];

	/**
	 * Both tokens travel in the query string: the official spec's security schemes `StoreToken` (`token`) and
	 * `PartnerToken` (`partner_token`), https://github.com/MyOnlineStore/public-api-docs.
	 */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				token: '={{$credentials.storeToken}}',
				partner_token: '={{$credentials.partnerToken}}',
			},
		},
	};

	/** The order count needs both tokens (the status list would prove only the partner token). */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/orders/count',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Mijnwebwinkel refused the store token or the partner token. Check both; the store token must have been made for the partner whose partner token is entered.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The tokens were accepted but may not read orders. The API needs the PREMIUM plan or higher.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Mijnwebwinkel API found at this Base URL; normally it is https://api.myonlinestore.com.',
				},
			},
		],
	};
}
