/**
 * esbuild plugins for the Lambda bundles (serverless-esbuild `plugins`).
 *
 * zod re-exports every locale as `z.locales`, and a bundle that uses `z`
 * keeps all of them: about 260 KB of minified messages in 50 languages,
 * about a tenth of each bundle and of its load time. The functions use
 * zod's default English messages only, so the locale index is replaced by
 * one that re-exports English.
 */
const path = require('node:path');

/** @type {import('esbuild').Plugin} */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
      return {
        path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'),
        namespace: 'zod-english-only',
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

module.exports = [zodEnglishOnly];
