const { src, dest, parallel } = require('gulp');

/** tsc compiles the code; icons and codex files (`*.node.json`) are copied beside the compiled nodes. */
function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], {
		encoding: false,
	}).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], {
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist/credentials'));
}

exports['build:assets'] = parallel(copyNodeAssets, copyCredentialAssets);
