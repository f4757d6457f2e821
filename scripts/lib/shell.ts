import { spawnSync } from 'node:child_process';

/** Small process helpers for the scripts: waiting, log tails, commands that must succeed. */

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command to completion, failing loudly (build, pack). */
export function runOrThrow(
	command: string,
	args: string[],
	cwd: string,
	env?: NodeJS.ProcessEnv,
): string {
	const result = spawnSync(command, args, { cwd, env: env ?? process.env, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status}):\n${tail(result.stdout + result.stderr)}`,
		);
	}
	return result.stdout;
}
