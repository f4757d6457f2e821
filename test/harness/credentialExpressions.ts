import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	INode,
	INodeParameters,
	INodeTypes,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { isExpression, Workflow } from 'n8n-workflow';

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/**
 * Expressions in stored credential fields, resolved as n8n's CredentialsHelper does: inside an execution against
 * the current item (`$json`), elsewhere (credential test, load options) on a throwaway workflow.
 */
export async function resolveCredentialExpressions(
	data: ICredentialDataDecryptedObject,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	executeData?: IExecuteData,
	resolveValues?: ICredentialsExpressionResolveValues,
): Promise<ICredentialDataDecryptedObject> {
	const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
	if (resolveValues) {
		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
			resolveValues;
		return workflow.expression.getParameterValue(
			data as INodeParameters,
			runExecutionData,
			runIndex,
			itemIndex,
			node.name,
			connectionInputData,
			mode,
			additionalKeys,
			executeData,
			false,
			data,
		) as ICredentialDataDecryptedObject;
	}
	const workflow = new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
	return await workflow.expression.withIsolate(
		async () =>
			workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject,
	);
}

/** One value of a generic `authenticate` block, e.g. `={{$credentials.sessionToken}}`. */
export function resolveAuthValue(
	value: string,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return value;
	const additionalKeys = { $credentials: credentials } as IWorkflowDataProxyAdditionalKeys;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		additionalKeys,
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}
