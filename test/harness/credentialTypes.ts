import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

/** Our package's credential files, loaded from TypeScript source the first time a test needs them. */
const PACKAGE_CREDENTIAL_FILES = [
	'MijnwebwinkelApi.credentials.ts',
	'EBoekhoudenApi.credentials.ts',
];
const CREDENTIALS_DIR = join(__dirname, '..', '..', 'credentials');

const registry = new Map<string, ICredentialType>();
let packageFilesLoaded = false;

/** Makes a credential type known to the harness (n8n's loader does this for every file in `n8n.credentials`). */
export function registerCredentialType(type: ICredentialType): void {
	registry.set(type.name, type);
}

/** The credential type by its `name`, as n8n's CredentialTypes.getByName. */
export function getCredentialType(name: string): ICredentialType {
	if (!registry.has(name)) loadPackageCredentialFiles();
	const type = registry.get(name);
	if (!type) {
		throw new UnexpectedError(
			`Unknown credential type "${name}": register it with registerCredentialType()`,
		);
	}
	return type;
}

export function getParentTypes(name: string): string[] {
	const parents = registry.get(name)?.extends ?? [];
	return parents.flatMap((parent) => [parent, ...getParentTypes(parent)]);
}

/** All properties of a credential type, parents first, as n8n's CredentialsHelper.getCredentialsProperties. */
export function getCredentialProperties(name: string): INodeProperties[] {
	const type = getCredentialType(name);
	if (type.extends === undefined) return type.properties;
	const combined: INodeProperties[] = [];
	for (const parent of type.extends) {
		NodeHelpers.mergeNodeProperties(combined, getCredentialProperties(parent));
	}
	NodeHelpers.mergeNodeProperties(combined, type.properties);
	return combined;
}

function loadPackageCredentialFiles(): void {
	if (packageFilesLoaded) return;
	packageFilesLoaded = true;
	for (const file of PACKAGE_CREDENTIAL_FILES) {
		const path = join(CREDENTIALS_DIR, file);
		if (!existsSync(path)) continue;
		const exported = require(path) as Record<string, unknown>;
		for (const value of Object.values(exported)) {
			if (typeof value !== 'function') continue;
			const instance = new (value as new () => Partial<ICredentialType>)();
			if (typeof instance.name === 'string' && Array.isArray(instance.properties)) {
				if (!registry.has(instance.name)) registerCredentialType(instance as ICredentialType);
			}
		}
	}
}
