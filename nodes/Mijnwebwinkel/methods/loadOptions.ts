import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { getOrderStatuses } from '../api/client';
import type { OrderStatus } from '../api/schemas';
import { createTransport } from '../api/transport';

const toOption = (status: OrderStatus): INodePropertyOptions => ({
	name: status.description || `Status ${status.status}`,
	value: status.status,
	description: status.credit_order
		? `Credit order status (ID ${status.status})`
		: `ID ${status.status}`,
});

/** Every order status of the shop, in the credential's language (for the Status filter). */
export async function getOrderStatusOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await getOrderStatuses(createTransport(this))).map(toOption);
}

/** The statuses an order can finish in: all but the credit-order statuses, which are chosen separately. */
export async function getFinishedStatusOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const statuses = await getOrderStatuses(createTransport(this));
	return statuses.filter((status) => !status.credit_order).map(toOption);
}
