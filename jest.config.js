/** Three projects: `unit` is the fast loop, `integration` talks to the sandbox servers, `e2e` drives a real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	moduleFileExtensions: ['ts', 'js', 'json'],
	// n8n user folders made by the e2e suite and the demo hold whole n8n installs: not ours to scan.
	modulePathIgnorePatterns: ['<rootDir>/.e2e/', '<rootDir>/.demo/'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/setup/longTimeout.ts'],
		},
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
