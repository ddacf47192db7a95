// Set by the build (build.mjs `define`) for the bundle it makes; `node` in the CLI and the tests.
declare const __BROWSER__: 'chrome' | 'firefox' | 'node';
