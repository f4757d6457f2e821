#!/usr/bin/env node
'use strict';
/**
 * Screenshots the main template in the n8n editor for the README: signs in to a running `npm start` and saves
 * the "Sync paid orders" workflow as docs/template.png. Headless Debian Chromium (`apt-get install -y chromium`),
 * driven over the DevTools protocol with the WebSocket built into Node 24 (the cached n8n runtime's Node), so no
 * browser-automation package is needed.
 *
 *   npm start                      # in one terminal
 *   node scripts/screenshot.js [--url http://127.0.0.1:5678] [--out docs/template.png] [--width 1600 --height 900]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..');

// Node 20 has no WebSocket client; rerun under the runtime's Node 24, which has one.
if (typeof WebSocket === 'undefined') {
	const runtime = require('./lib/runtime');
	if (!runtime.isInstalled()) {
		process.stderr.write(
			'The n8n runtime is not installed yet: run `npm start` (or node scripts/install-n8n.js) first.\n',
		);
		process.exit(1);
	}
	const rerun = spawnSync(runtime.paths().nodeBin, process.argv.slice(1), { stdio: 'inherit' });
	process.exit(rerun.status ?? 1);
}

const { parseArgs } = require('./lib/prepare');

const args = parseArgs(process.argv.slice(2), []);
const baseUrl = (args.url ?? 'http://127.0.0.1:5678').replace(/\/$/, '');
const out = path.resolve(repoRoot, args.out ?? 'docs/template.png');
const width = Number(args.width ?? 1600);
const height = Number(args.height ?? 900);
const email = args.email ?? 'demo@example.com';
const password = args.password ?? 'Sandbox-demo-1';
const workflowId = args.workflow ?? 'mwwSyncPaidOrder';

const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--hide-scrollbars',
	'--remote-debugging-port=0',
];

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check, what, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await delay(250);
	}
}

function findChromium() {
	for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
		const found = spawnSync('which', [name], { encoding: 'utf8' });
		if (found.status === 0) return found.stdout.trim();
	}
	throw new Error('Chromium not found: apt-get install -y chromium');
}

/** A minimal DevTools-protocol client: send(method, params) → result. */
function connect(webSocketUrl) {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(webSocketUrl);
		const pending = new Map();
		let nextId = 1;
		socket.onerror = () => reject(new Error(`cannot connect to ${webSocketUrl}`));
		socket.onmessage = (event) => {
			const message = JSON.parse(event.data);
			const waiter = pending.get(message.id);
			if (!waiter) return;
			pending.delete(message.id);
			if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
			else waiter.resolve(message.result);
		};
		socket.onopen = () =>
			resolve({
				send(method, params = {}) {
					const id = nextId++;
					socket.send(JSON.stringify({ id, method, params }));
					return new Promise((resolveCall, rejectCall) =>
						pending.set(id, { resolve: resolveCall, reject: rejectCall, method }),
					);
				},
				close: () => socket.close(),
			});
	});
}

async function evaluate(page, expression) {
	const { result } = await page.send('Runtime.evaluate', {
		expression,
		awaitPromise: true,
		returnByValue: true,
	});
	return result.value;
}

async function typeInto(page, selector, text) {
	await evaluate(page, `document.querySelector(${JSON.stringify(selector)}).focus()`);
	await page.send('Input.insertText', { text });
}

async function main() {
	const health = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
	if (!health?.ok) throw new Error(`no n8n at ${baseUrl}: start it with npm start`);

	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-screenshot-'));
	const browser = spawn(
		findChromium(),
		[...chromiumFlags, `--user-data-dir=${profile}`, 'about:blank'],
		{
			stdio: 'ignore',
		},
	);
	try {
		const portFile = path.join(profile, 'DevToolsActivePort');
		const port = await waitFor(
			() => fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').split('\n')[0],
			'Chromium to start',
		);
		const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
		const page = await connect(
			targets.find((target) => target.type === 'page').webSocketDebuggerUrl,
		);
		await page.send('Page.enable');
		await page.send('Runtime.enable');
		await page.send('Emulation.setDeviceMetricsOverride', {
			width,
			height,
			deviceScaleFactor: 1,
			mobile: false,
		});

		await page.send('Page.navigate', { url: `${baseUrl}/signin` });
		await waitFor(
			() => evaluate(page, `!!document.querySelector('input[type=email]')`),
			'the sign-in form',
		);
		await typeInto(page, 'input[type=email]', email);
		await typeInto(page, 'input[type=password]', password);
		await evaluate(
			page,
			`document.querySelector('[data-test-id=form-submit-button], button[type=submit]').click()`,
		);
		await waitFor(() => evaluate(page, `!location.pathname.startsWith('/signin')`), 'signing in');

		await page.send('Page.navigate', { url: `${baseUrl}/workflow/${workflowId}` });
		await waitFor(
			() => evaluate(page, `document.querySelectorAll('[data-test-id=canvas-node]').length >= 6`),
			'the workflow on the canvas',
		);
		await delay(2_000); // let the canvas finish its zoom-to-fit animation
		const { data } = await page.send('Page.captureScreenshot', { format: 'png' });
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, Buffer.from(data, 'base64'));
		page.close();
		process.stdout.write(`saved ${path.relative(repoRoot, out)} (${width}×${height})\n`);
	} finally {
		browser.kill('SIGTERM');
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`screenshot failed: ${error.message}\n`);
	process.exit(1);
});
