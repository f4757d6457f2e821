import { baseUrlOf, type EBoekhoudenContext } from './transport';

const contextKeys = new WeakMap<object, string>();
let contexts = 0;

/** The execution a node runs in; none for a list of options in the editor (or a test harness without one). */
export function executionIdOf(ctx: EBoekhoudenContext): string | undefined {
	return 'getExecutionId' in ctx && typeof ctx.getExecutionId === 'function'
		? ctx.getExecutionId()
		: undefined;
}

/**
 * The administration a node works on, as a key for what the process keeps about it: the credential and the server
 * it points at. Outside an execution every context is its own key, so a list opened in the editor reads afresh.
 */
export async function administrationKey(ctx: EBoekhoudenContext): Promise<string> {
	if (!executionIdOf(ctx)) {
		let key = contextKeys.get(ctx);
		if (!key) contextKeys.set(ctx, (key = `context#${++contexts}`));
		return key;
	}
	const credential = ctx.getNode().credentials?.eBoekhoudenApi;
	return `${credential?.id ?? credential?.name ?? ''}|${await baseUrlOf(ctx)}`;
}
