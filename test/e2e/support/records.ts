/**
 * Everything a real n8n kept of a run, as text to search: what it stored in its database (every execution's full
 * data, the workflows with their static data, ...; not the credentials, which are encrypted), every file it wrote
 * in its user folder (its log, its event log, binary data), what its CLI printed, and the sandbox request logs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nProcess } from '../../../scripts/lib/n8nProcess';
import { repoPath } from '../../../scripts/lib/repo';
import type { Sandbox } from '../../sandbox';

export interface KeptText {
	/** Where it was found, e.g. `database execution_data.data [executionId 12]` or `file n8n.log`. */
	where: string;
	text: string;
	/** The value behind the text, when the text is JSON (or n8n's flatted JSON): lets a hit name its field. */
	value?: () => unknown;
}

interface StoredCell {
	table: string;
	column: string;
	key: string;
	text: string;
}

/** What n8n wrote in its user folder besides the database (read through SQL), its packages and its editor cache. */
const notWrittenByRuns = [
	'.cache',
	path.join('.n8n', 'nodes'),
	path.join('.n8n', 'database.sqlite'),
];

export function storedInDatabase(n8n: N8nProcess): KeptText[] {
	const script = repoPath('scripts', 'lib', 'read-stored-text.js');
	const result = spawnSync(n8n.nodeBin, [script, n8n.databaseFile], {
		encoding: 'utf8',
		maxBuffer: 1024 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`reading the n8n database failed: ${result.stderr}`);
	const flatted = require(path.join(n8n.n8nModules, 'flatted')) as { parse(text: string): unknown };
	return (JSON.parse(result.stdout) as StoredCell[]).map((cell) => ({
		where: `database ${cell.table}.${cell.column} [${cell.key}]`,
		text: cell.text,
		value: () =>
			cell.table === 'execution_data' && cell.column === 'data'
				? flatted.parse(cell.text)
				: JSON.parse(cell.text),
	}));
}

export function writtenToFiles(n8n: N8nProcess): KeptText[] {
	const root = n8n.options.userFolder;
	const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(
		(file) =>
			!notWrittenByRuns.some((skipped) => file.startsWith(skipped)) &&
			fs.statSync(path.join(root, file)).isFile(),
	);
	return files.map((file) => ({
		where: `file ${file}`,
		text: fs.readFileSync(path.join(root, file), 'latin1'),
	}));
}

export function sandboxRequestLogs(sandbox: Sandbox): KeptText[] {
	const logs = { shop: sandbox.shop.requestLog(), books: sandbox.books.requestLog() };
	return Object.entries(logs).map(([server, entries]) => ({
		where: `${server} sandbox request log`,
		text: entries
			.map((entry) => `${entry.method} ${entry.path}?${entry.query} ${entry.status}`)
			.join('\n'),
	}));
}

export function printedByCli(outputs: string[]): KeptText[] {
	return outputs.map((text, index) => ({ where: `output of n8n CLI run ${index + 1}`, text }));
}
