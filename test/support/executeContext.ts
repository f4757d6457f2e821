import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	NodeExecutionHint,
} from 'n8n-workflow';

/**
 * A small IExecuteFunctions for unit tests of one node or operation with the transport mocked: parameters by name (per
 * item when given as a function), input items, Continue On Fail, hints. Only what our code calls is present.
 */
export interface FakeOptions {
	parameters: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	executionId?: string;
	credentials?: IDataObject;
	/** The node as n8n describes it; an e-Boekhouden node unless given. */
	node?: Partial<INode>;
}

export interface FakeContext extends IExecuteFunctions {
	hints: NodeExecutionHint[];
}

const node: INode = {
	id: 'unit-node',
	name: 'e-Boekhouden.nl',
	type: 'n8n-nodes-mijnwebwinkel-eboekhouden.eBoekhouden',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { eBoekhoudenApi: { id: 'unit-credential', name: 'e-Boekhouden' } },
};

let executions = 0;

export function fakeContext(options: FakeOptions): FakeContext {
	const items = options.items ?? [{ json: {} }];
	const executionId = options.executionId ?? `unit-execution-${++executions}`;
	const hints: NodeExecutionHint[] = [];
	const context = {
		hints,
		getInputData: () => items,
		getNode: () => ({ ...node, ...options.node }),
		getExecutionId: () => executionId,
		continueOnFail: () => options.continueOnFail ?? false,
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		// Each context is its own administration unless the test names one: the process keeps lists per administration.
		getCredentials: async () => ({
			accessToken: 'unit-api-token',
			baseUrl: `https://books-${executionId}.test`,
			...(options.credentials ?? {}),
		}),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const parameters =
				typeof options.parameters === 'function'
					? options.parameters(itemIndex)
					: options.parameters;
			return name in parameters ? parameters[name] : fallback;
		},
		helpers: {},
	};
	return context as unknown as FakeContext;
}
