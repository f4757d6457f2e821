import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialType,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { registerCredentialType } from './credentialTypes';
import { credentialReference, HarnessCredentialsHelper } from './credentialsHelper';
import { ensureExpressionEngine } from './expressionEngine';
import { HarnessNodeTypes } from './nodeTypes';
import { buildAdditionalData } from './workflow';

/** n8n runs a credential's test request through a temporary copy of its No Operation node. */
const NO_OP = 'n8n-nodes-base.noOp';

/**
 * What the "Test" button in n8n's credential dialog does (packages/cli credentials-tester.service.ts): defaults
 * and expressions applied to the data, then the type's `test.request` run by n8n-core's RoutingNode on a
 * temporary No-Op node, so `preAuthentication` and `authenticate` run exactly as for a node; `test.rules` decide.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	await ensureExpressionEngine();
	registerCredentialType(credentialType);
	const { test } = credentialType;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const helper = new HarnessCredentialsHelper(new Map([[credentialType.name, { ...data }]]));
	const reference = credentialReference(credentialType.name);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: reference },
	};
	const tempNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP,
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes().add(NO_OP, tempNodeType),
	});
	const additionalData = buildAdditionalData(helper, workflow, 'internal');

	const credentials: ICredentialsDecrypted = {
		...reference,
		id: reference.id ?? '',
		type: credentialType.name,
	};
	try {
		credentials.data = await helper.applyDefaultsAndOverwrites(
			additionalData,
			data,
			credentialType.name,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await workflow.expression.withIsolate(
			async () => await new RoutingNode(executeFunctions, tempNodeType, credentials).runNode(),
		);
	} catch (error) {
		return failedTest(error, test.rules);
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		if (readPath(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

type TestRules = NonNullable<ICredentialType['test']>['rules'];

/** n8n's reading of a failed test request: a matching responseCode rule, else the HTTP status, else the error. */
function failedTest(error: unknown, rules: TestRules): INodeCredentialTestResult {
	const { cause, message } = error as {
		cause?: { response?: { status: number; statusText?: string }; code?: string };
		message?: string;
	};
	if (cause?.response) {
		const { status, statusText } = cause.response;
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (status < 199 || status > 299) {
			return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		}
	} else if (cause?.code) {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message: String(message) };
}

function readPath(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) => (current as Record<string, unknown> | undefined)?.[key],
			value,
		);
}
