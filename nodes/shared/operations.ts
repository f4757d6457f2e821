import type {
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** A node's resources, each with the names of its operations: `{ invoice: 'create' | 'get' }`. */
export type ResourceMap = Record<string, string>;

/** One operation of a node: its parameters, and what it does with what its node's router hands it. */
export interface NodeOperation<RouterArgs extends unknown[] = []> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, ...args: RouterArgs): Promise<INodeExecutionData[][]>;
}

/** The display options of one node's operations, typed by its map: a misspelt operation fails to compile. */
export function showForResources<Map extends ResourceMap>() {
	return <R extends keyof Map & string>(
		resource: R,
		operations: Array<Map[R]>,
		extra: Record<string, Array<string | boolean>> = {},
	): IDisplayOptions => ({ show: { resource: [resource], operation: operations, ...extra } });
}
