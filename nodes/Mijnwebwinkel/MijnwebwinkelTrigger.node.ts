import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { createTransport } from './api/transport';
import { loadQualifyRules, qualifyRules, readStatusTable } from './descriptions/finishedAndPaid';
import { createPollIo, reportPoll } from './trigger/pollIo';
import { readTriggerSettings, triggerProperties } from './descriptions/trigger';
import { loadOptions } from './methods';
import { runPoll } from './trigger/poll';
import { SAMPLE_MAX_PAGES, sampleNewest } from './trigger/sample';
import { readState, STATE_KEY } from './trigger/state';
import { strictAbout, withStatusTable } from './trigger/statusTable';

export class MijnwebwinkelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mijnwebwinkel Trigger',
		name: 'mijnwebwinkelTrigger',
		icon: { light: 'file:mijnwebwinkel.svg', dark: 'file:mijnwebwinkel.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Finished, Paid Orders',
		description: 'Starts the workflow once for every Mijnwebwinkel order that is finished and paid',
		defaults: { name: 'Mijnwebwinkel Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mijnwebwinkelApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readTriggerSettings(this);
		const transport = createTransport(this);
		const io = createPollIo(this, transport, { includePayments: settings.includePayments });

		if (this.getMode() === 'manual') {
			const rules = await loadQualifyRules(this.getNode(), transport, settings.qualify);
			const sample = await sampleNewest(io, rules, settings.qualify.includeTestOrders);
			if (sample.length === 0) {
				throw new NodeOperationError(this.getNode(), 'No finished, paid orders found', {
					description: `None of the newest ${SAMPLE_MAX_PAGES * 100} orders is finished and paid with these settings. Check the Finished Statuses and the options.`,
				});
			}
			return [this.helpers.returnJsonArray(sample as IDataObject[])];
		}

		const staticData = this.getWorkflowStaticData('node');
		const result = await withStatusTable(
			staticData,
			new Date(),
			async () => await readStatusTable(transport),
			async (statuses, strict) =>
				await runPoll(
					readState(staticData),
					settings.poll,
					qualifyRules(this.getNode(), settings.qualify, statuses),
					strict ? strictAbout(io, statuses) : io,
				),
		);
		const { output, state } = result;
		staticData[STATE_KEY] = state as unknown as IDataObject;
		reportPoll(this.logger, result);
		return output.length ? [this.helpers.returnJsonArray(output as IDataObject[])] : null;
	}
}
