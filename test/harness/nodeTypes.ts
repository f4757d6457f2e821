import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { PACKAGE_NAME } from './environment';

/** The type name a workflow uses for one of our nodes: `n8n-nodes-mijnwebwinkel-eboekhouden.<description.name>`. */
export function fullTypeName(node: INodeType | IVersionedNodeType): string {
	const { name } = node.description;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

/**
 * The node as n8n's loader hands it to the engine: a polling node gets the `pollTimes` parameter prepended
 * (n8n-core DirectoryLoader.applySpecialNodeParameters). The node object itself is not changed: the copy
 * inherits its methods and gets its own description.
 */
export function asLoaded(node: INodeType): INodeType {
	if (!node.description.polling || node.description.properties.some((p) => p.name === 'pollTimes'))
		return node;
	const loaded = Object.create(node) as INodeType;
	loaded.description = {
		...node.description,
		properties: [...commonPollingParameters, ...node.description.properties],
	};
	return loaded;
}

/** n8n's INodeTypes over a fixed set of node types, keyed by full type name. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	add(typeName: string, node: INodeType | IVersionedNodeType): this {
		this.types.set(typeName, node);
		return this;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(
			[...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]),
		);
	}
}
