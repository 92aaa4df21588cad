// Formats Markdown from stdin with the repository's Prettier settings, as docs/lifecycle.md.
// Used by gen-lifecycle-doc.js and by the test that checks the doc is up to date (Prettier loads
// ES modules dynamically, which Jest cannot do in-process without --experimental-vm-modules).
const { join } = require('node:path');
const prettier = require('prettier');

const TARGET = join(__dirname, '..', '..', '..', 'docs', 'lifecycle.md');

async function formatLifecycleDoc(markdown) {
  return prettier.format(markdown, { ...(await prettier.resolveConfig(TARGET)), filepath: TARGET });
}

module.exports = { TARGET, formatLifecycleDoc };

if (require.main === module) {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', () =>
    formatLifecycleDoc(Buffer.concat(chunks).toString('utf8')).then(
      (out) => process.stdout.write(out),
      (error) => {
        process.stderr.write(`${error.stack}\n`);
        process.exit(1);
      },
    ),
  );
}
