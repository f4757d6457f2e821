/**
 * The shape of the code a newcomer relies on (issue 14): nodes meet only through the data they pass, so no node
 * folder imports another's files (what they share lives in nodes/shared/), and no file imports itself back through
 * a chain of others. Read from the sources, as `madge --circular` would, without adding it as a dependency.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const nodesDir = path.join(root, 'nodes');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

/** Relative imports and re-exports of a file, resolved to files (`x.ts` or `x/index.ts`). */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map(
		(match) => match[1],
	);
	return specifiers.flatMap((specifier) => {
		const base = path.resolve(path.dirname(file), specifier);
		const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) =>
			fs.existsSync(candidate),
		);
		return found ? [found] : [];
	});
}

const files = sourceFiles(nodesDir);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const relative = (file: string) => path.relative(root, file);

/** The node folder a file belongs to (nodes/<Folder>/...), or undefined for nodes/shared. */
function nodeFolder(file: string): string | undefined {
	const [folder] = path.relative(nodesDir, file).split(path.sep);
	return folder === 'shared' ? undefined : folder;
}

test('no node folder imports from another node folder', () => {
	const crossings = files.flatMap((file) =>
		(graph.get(file) ?? [])
			.filter((target) => {
				const from = nodeFolder(file);
				const to = nodeFolder(target);
				return to !== undefined && to !== from;
			})
			.map((target) => `${relative(file)} → ${relative(target)}`),
	);
	expect(crossings).toEqual([]);
});

test('nodes/shared imports nothing from a node folder', () => {
	const upward = files
		.filter((file) => nodeFolder(file) === undefined)
		.flatMap((file) =>
			(graph.get(file) ?? [])
				.filter((target) => nodeFolder(target) !== undefined)
				.map((target) => `${relative(file)} → ${relative(target)}`),
		);
	expect(upward).toEqual([]);
});

test('no import cycles', () => {
	const cycles: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const target of graph.get(file) ?? []) {
			if (state.get(target) === 'open') {
				cycles.push(stack.slice(stack.indexOf(target)).concat(target).map(relative).join(' → '));
			} else if (!state.has(target)) visit(target);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	expect(cycles).toEqual([]);
});
