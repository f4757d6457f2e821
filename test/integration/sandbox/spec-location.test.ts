import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEFAULT_SPEC_PATH, SPEC_ENV, loadSpecValidator, locateSpec, skipNotice } from './spec';

/** How the contract test finds the official spec, which lives outside the repository. */
describe('locating the Mijnwebwinkel OpenAPI spec', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'mww-spec-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('takes the file MWW_OPENAPI_SPEC names, relative to the working directory', () => {
		const file = path.join(dir, 'openapi.yaml');
		writeFileSync(file, 'openapi: 3.0.0\n');
		expect(locateSpec({ [SPEC_ENV]: file })).toEqual({ path: file, fromEnv: true, found: true });
		const relative = path.relative(process.cwd(), file);
		expect(locateSpec({ [SPEC_ENV]: ` ${relative} ` }).path).toBe(file);
	});

	it('falls back to shared/reference beside the repository when the variable is unset or blank', () => {
		expect(DEFAULT_SPEC_PATH).toBe(
			path.resolve(__dirname, '../../../../shared/reference/mijnwebwinkel-openapi.yaml'),
		);
		for (const env of [{}, { [SPEC_ENV]: '' }, { [SPEC_ENV]: '  ' }]) {
			expect(locateSpec(env)).toMatchObject({ path: DEFAULT_SPEC_PATH, fromEnv: false });
		}
	});

	it('reports a named file that is missing instead of skipping', async () => {
		const missing = path.join(dir, 'nowhere.yaml');
		const location = locateSpec({ [SPEC_ENV]: missing });
		expect(location).toEqual({ path: missing, fromEnv: true, found: false });
		await expect(loadSpecValidator(location)).rejects.toThrow(
			`MWW_OPENAPI_SPEC names ${missing}, which does not exist`,
		);
	});

	it('says in one line why the suite is skipped and how to run it', () => {
		const notice = skipNotice('the shop contract', {
			path: DEFAULT_SPEC_PATH,
			fromEnv: false,
			found: false,
		});
		expect(notice).not.toContain('\n');
		expect(notice).toContain('Skipping "the shop contract"');
		expect(notice).toContain(DEFAULT_SPEC_PATH);
		expect(notice).toContain('set MWW_OPENAPI_SPEC');
		expect(notice).toContain('https://github.com/MyOnlineStore/public-api-docs');
	});
});
