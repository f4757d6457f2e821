/**
 * Runs openapi-backend for the contract test, outside jest. From version 16 on, openapi-backend's
 * @apidevtools/json-schema-ref-parser is ESM-only: Node 20 can require it, jest 29 cannot. The pinned
 * openapi-backend 5.20.1 still brings the CommonJS 11.x; the worker keeps the test independent of which one is installed.
 * Messages: { id, type: 'init', definition, formats } | { id, type: 'response', operationId, body }
 * | { id, type: 'schema', name, body } → { id, errors } or { id, failure }.
 */
const { OpenAPIBackend, ValidationContext } = require('openapi-backend');

let api;
let ajv;

async function handle(message) {
	if (message.type === 'init') {
		api = new OpenAPIBackend({
			definition: message.definition,
			strict: true,
			// Every error, not just the first: a quirk's error must not hide another deviation in the same order.
			ajvOpts: { allErrors: true },
			customizeAjv: (instance) => {
				for (const [name, { source, flags }] of Object.entries(message.formats)) {
					instance.addFormat(name, new RegExp(source, flags));
				}
				return instance;
			},
		});
		await api.init();
		ajv = api.validator.getAjv(ValidationContext.Response);
		return [];
	}
	if (message.type === 'response')
		return api.validateResponse(message.body, message.operationId, 200).errors ?? [];
	const validate = ajv.compile(api.definition.components.schemas[message.name]);
	return validate(message.body) ? [] : validate.errors;
}

process.on('message', (message) => {
	handle(message).then(
		(errors) => process.send({ id: message.id, errors }),
		(error) =>
			process.send({ id: message.id, failure: String(error && error.stack ? error.stack : error) }),
	);
});
