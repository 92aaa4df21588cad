// Writes docs/lifecycle.md from the built package: `npm run docs:lifecycle -w @firstset/domain`.
const { writeFileSync } = require('node:fs');
const { TARGET, formatLifecycleDoc } = require('./format-lifecycle-doc.js');
const { lifecycleMarkdown } = require('../dist/lifecycle/lifecycle-mermaid.js');

formatLifecycleDoc(lifecycleMarkdown()).then(
  (out) => {
    writeFileSync(TARGET, out, 'utf8');
    process.stdout.write(`wrote ${TARGET}\n`);
  },
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
