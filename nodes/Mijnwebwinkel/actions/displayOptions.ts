import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Adds an operation's `displayOptions` to each of its fields, merged with what a field already has
 * (n8n's own `updateDisplayOptions` is internal to nodes-base).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}
