// The dependency direction of DESIGN.md and the root README, checked by tests/architecture:
// model ← parser ← content ← render / i18n / publish ← vite, cli-kit ← apps; report needs only
// model; render-pdf takes HTML (needs no guidekit package); packages never import apps.
// Each package lists the guidekit packages it may import; a new package must be added here.

/** Package folder → the package folders it may import (besides itself). */
const allowed = {
  model: [],
  parser: ['model'],
  content: ['model', 'parser'],
  report: ['model'],
  'render-pdf': [],
  render: ['model', 'parser', 'content', 'render-pdf'],
  i18n: ['model', 'parser', 'content'],
  publish: ['model', 'parser', 'content', 'render', 'render-pdf', 'i18n', 'report'],
  vite: ['model', 'parser', 'content', 'render'],
  'language-server': ['model', 'parser', 'content', 'i18n', 'report'],
  'cli-kit': ['model', 'content', 'report'],
};

const known = Object.keys(allowed).join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...Object.entries(allowed).map(([name, deps]) => ({
      name: `${name}-imports-only-${deps.length === 0 ? 'itself' : deps.join('-')}`,
      comment: `packages/${name} may import ${deps.length === 0 ? 'no other guidekit package' : deps.map((d) => `packages/${d}`).join(', ')} (the dependency direction of the README)`,
      severity: 'error',
      from: { path: `^packages/${name}/` },
      to: { path: '^packages/[^/]+/', pathNot: [`^packages/(${[name, ...deps].join('|')})/`] },
    })),
    {
      name: 'packages-never-import-apps',
      comment: 'apps are the outermost layer: a package that imports one turns the direction around',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'package-not-in-the-layer-table',
      comment: 'every package has its place in the dependency direction: add it to `allowed` in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: `^packages/(?!(${known})/)[^/]+/src/` },
      to: {},
    },
    {
      name: 'guidekit-import-resolves',
      comment: 'an import of a guidekit package that cannot be resolved would escape every rule above',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^@guidekit/|^guidekit-' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a package is a dependency on it all the same.
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      // Workspace packages resolve to their src/ (the `source` condition), so no build is needed.
      conditionNames: ['source', 'import', 'types', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
