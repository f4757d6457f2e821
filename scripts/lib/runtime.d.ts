/** Types for runtime.js (plain JS so scripts/install-n8n.js runs before anything is compiled). */
export declare const repoRoot: string;
export declare const manifestDir: string;
export declare const n8nVersion: string;
export declare const nodeVersion: string;
export declare const markerName: string;
export declare function runtimeDir(): string;
export declare function expectedMarker(): { n8n: string; node: string; lockSha256: string };
export declare function isInstalled(dir?: string): boolean;
export declare function paths(dir?: string): {
	dir: string;
	nodeDir: string;
	nodeBin: string;
	n8nMain: string;
	modules: string;
};
