/** Types for runtime.js (plain JS so scripts/install-n8n.js runs before anything is compiled). */
export interface RuntimePaths {
	dir: string;
	nodeDir: string;
	nodeBin: string;
	n8nMain: string;
	modules: string;
}

/** One pinned n8n runtime: its manifest under test/e2e/, its cache folder and the files in it. */
export interface Runtime {
	name: string;
	repoRoot: string;
	manifestDir: string;
	n8nVersion: string;
	nodeVersion: string;
	nativeModules: string[];
	markerName: string;
	runtimeDir(): string;
	expectedMarker(): { n8n: string; node: string; lockSha256: string };
	isInstalled(dir?: string): boolean;
	paths(dir?: string): RuntimePaths;
}

/** The names runtime.js knows: `default` (n8n 2.x, Node 24) and `1x` (n8n 1.x, Node 20). */
export type RuntimeName = 'default' | '1x';

export declare const name: string;
export declare const repoRoot: string;
export declare const manifestDir: string;
export declare const n8nVersion: string;
export declare const nodeVersion: string;
export declare const nativeModules: string[];
export declare const markerName: string;
export declare function runtimeDir(): string;
export declare function expectedMarker(): { n8n: string; node: string; lockSha256: string };
export declare function isInstalled(dir?: string): boolean;
export declare function paths(dir?: string): RuntimePaths;
export declare function named(name?: RuntimeName): Runtime;
export declare const names: RuntimeName[];
