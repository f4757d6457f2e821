import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, posix, relative, resolve } from 'path';

/**
 * What `npm pack` would publish, checked against n8n's community-package rules
 * (docs/api-notes.md, n8n Community packages §1.2, §1.6, §1.7, §2.3). Builds first when dist/ is missing or older than a
 * source file, the rule scripts/lib/pack.js uses too.
 */

interface PackageJson {
	name: string;
	main: string;
	types: string;
	license: string;
	keywords: string[];
	files: string[];
	scripts: Record<string, string>;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
}

const ROOT = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const SOURCES = [
	'nodes',
	'credentials',
	'index.ts',
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
];
const INSTALL_SCRIPTS = [
	'preinstall',
	'install',
	'postinstall',
	'prepublish',
	'preprepare',
	'prepare',
	'postprepare',
];

function newestChange(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(newest, name) => Math.max(newest, newestChange(join(path, name))),
		stat.mtimeMs,
	);
}

function isBuilt(): boolean {
	const built = join(ROOT, 'dist', 'index.js');
	if (!existsSync(built)) return false;
	const sourceChange = Math.max(...SOURCES.map((entry) => newestChange(join(ROOT, entry))));
	return sourceChange < statSync(built).mtimeMs;
}

function sourceFiles(directory: string, suffix: string): string[] {
	return readdirSync(join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
		const path = posix.join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path, suffix);
		return entry.name.endsWith(suffix) ? [path] : [];
	});
}

/** The built class, found as n8n's loader finds it: named like its file. */
function loadBuilt(distPath: string, suffix: string): Record<string, unknown> {
	const className = posix.basename(distPath, `${suffix}.js`);
	const Built = (
		require(join(ROOT, distPath)) as Record<string, new () => Record<string, unknown>>
	)[className];
	return new Built();
}

type Icon = string | { light: string; dark: string } | undefined;
function iconPaths(icon: Icon, distPath: string): string[] {
	const icons = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
	return icons.map((path) =>
		relative(ROOT, join(ROOT, dirname(distPath), path.replace(/^file:/, ''))).replace(/\\/g, '/'),
	);
}

let packed: string[] = [];

beforeAll(() => {
	if (!isBuilt()) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' });
	const cache = mkdtempSync(join(tmpdir(), 'npm-pack-cache-'));
	try {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--cache', cache], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		packed = (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0].files.map(
			(file) => file.path,
		);
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
}, 120_000);

describe('the published package', () => {
	it('holds every node n8n loads, with its codex file and both icons', () => {
		for (const node of pkg.n8n.nodes) {
			const { description } = loadBuilt(node, '.node') as { description: { icon: Icon } };
			const needed = [node, node.replace(/\.js$/, '.json'), ...iconPaths(description.icon, node)];
			expect({ node, missing: needed.filter((path) => !packed.includes(path)) }).toEqual({
				node,
				missing: [],
			});
		}
	});

	it('holds every credential n8n loads, with both icons', () => {
		for (const credential of pkg.n8n.credentials) {
			const { icon } = loadBuilt(credential, '.credentials') as { icon: Icon };
			const needed = [credential, ...iconPaths(icon, credential)];
			expect({ credential, missing: needed.filter((path) => !packed.includes(path)) }).toEqual({
				credential,
				missing: [],
			});
		}
	});

	it('holds only the build, the manifest, the readme and the licence', () => {
		const stray = packed.filter(
			(path) =>
				!path.startsWith('dist/') &&
				!/^(package\.json|README\.md|LICEN[CS]E(\.md|\.txt)?)$/i.test(path),
		);
		expect(stray).toEqual([]);
		const unwanted = packed.filter(
			(path) =>
				/(^|\/)(test|tests|__tests__|node_modules|\.build)\//.test(path) ||
				/\.(test|spec)\.[jt]s(\.map)?$/.test(path) ||
				(path.endsWith('.ts') && !path.endsWith('.d.ts')),
		);
		expect(unwanted).toEqual([]);
		expect(packed).toEqual(expect.arrayContaining(['package.json', 'README.md']));
		expect(packed.filter((path) => /^LICEN[CS]E(\.md|\.txt)?$/i.test(path))).toHaveLength(1);
	});

	it('points main and types at built files, and the built main maps an order and checks its draft', () => {
		expect(packed).toEqual(expect.arrayContaining([pkg.main, pkg.types]));
		const main = require(join(ROOT, pkg.main)) as typeof import('../../../index');
		const order = JSON.parse(
			readFileSync(join(ROOT, 'test', 'golden', 'official-example.json'), 'utf8'),
		) as { order: unknown };
		expect(main.parseDraft(main.mapOrderToInvoice(order.order))).toMatchObject({ ok: true });
	});
});

describe('package.json', () => {
	it('follows the community package rules', () => {
		expect(pkg.name).toMatch(/^(@[a-z0-9-]+\/)?n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(Object.keys(pkg.scripts).filter((name) => INSTALL_SCRIPTS.includes(name))).toEqual([]);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(
			[...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((path) => !path.startsWith('dist/')),
		).toEqual([]);
	});

	it('registers every node and every credential in the source tree', () => {
		const built = (source: string) => `dist/${source.replace(/\.ts$/, '.js')}`;
		expect([...pkg.n8n.nodes].sort()).toEqual(sourceFiles('nodes', '.node.ts').map(built).sort());
		expect([...pkg.n8n.credentials].sort()).toEqual(
			sourceFiles('credentials', '.credentials.ts').map(built).sort(),
		);
	});
});
