// ESLint with typescript-eslint's type-checked rules on every TypeScript file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Who may import whom inside src/ (README, "How the code is laid out"): each part names the parts
// it may import; every other part of src/ is refused. The pure core may be used by all and uses
// nothing else; the shared modules serve every context; no context reaches into another, except
// the reader and the first-run page, which mark their text with the content script's own code.
// `card-shared` is what the card shares with its controller: its types, states and texts, never
// the chunk itself.
const CORE = ['match', 'data'];
const SHARED = [...CORE, 'messages', 'ext', 'settings', 'ui'];
const MAY_IMPORT = {
  match: ['data'], // no browser, no DOM: runs in Node and in pages
  data: ['match'],
  messages: CORE,
  ext: ['messages'],
  settings: [...CORE, 'ext'],
  ui: [...CORE, 'ext', 'settings'],
  card: [...CORE, 'settings'],
  content: [...SHARED, 'card-shared'],
  reader: [...SHARED, 'content', 'card-shared'],
  welcome: [...SHARED, 'content'], // the first-run page marks its sample as the reader page does
  background: SHARED,
  popup: SHARED,
  options: SHARED,
  authoring: CORE, // building packs from their sources (Node)
  cli: [...CORE, 'authoring'], // Node
};
const CARD_SHARED = ['card-api', 'card-state', 'card-text'];
// Packages only some parts may use: the polyfill would cost the content script a sixth of its
// budget (src/ext.ts does without it), and Preact belongs to the card and the pages.
const PACKAGES = {
  'webextension-polyfill': ['background', 'popup', 'options'],
  preact: ['card', 'reader', 'welcome', 'popup', 'options', 'ui'],
  yaml: ['authoring'], // pack sources are read at build time, never in the extension
};

/** The no-restricted-imports patterns for the part `part` of src/. */
function layering(part) {
  const atRoot = part === 'ext' || part === 'messages'; // src/ext.ts, src/messages.ts
  const up = atRoot ? '\\./' : '(\\.\\./)+';
  const may = MAY_IMPORT[part];
  const refused = Object.keys(MAY_IMPORT).filter((other) => other !== part && !may.includes(other) && !(other === 'card' && may.includes('card-shared')));
  const patterns = [{ regex: `^${up}(${refused.join('|')})(/|$)`, message: `src/${part} may import only ${may.join(', ')} of src/ (README: How the code is laid out).` }];
  if (may.includes('card-shared')) {
    patterns.push({ regex: `^${up}card(/(?!(${CARD_SHARED.join('|')})$)|$)`, message: `of src/card, src/${part} may import only ${CARD_SHARED.join(', ')}.` });
  }
  for (const [pkg, users] of Object.entries(PACKAGES)) {
    if (!users.includes(part)) patterns.push({ group: [pkg, `${pkg}/*`], message: `src/${part} does not use ${pkg}.` });
  }
  return patterns;
}

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'screenshots/', '**/*.mjs', 'eslint.config.js', 'core-globals.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...Object.keys(MAY_IMPORT).map((part) => ({
    files: part === 'ext' || part === 'messages' ? [`src/${part}.ts`] : [`src/${part}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: layering(part) }] },
  })),
  {
    // Test code evaluates functions inside the browser, where the page's types are loose.
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
