import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * antd labels some of its parts for screen readers in English, whatever the locale: every
 * @ant-design/icons icon renders through one base component that sets `aria-label="search"`, and
 * InputNumber's step arrows say "Increase Value", Select's clear button "Clear". They are fixed
 * here, in one place, no page edited:
 * - the icons' imports of that base component come to a wrapper that names the icon from the
 *   dictionaries in the UI's language, or hides it from screen readers (src/shared/ui/icon-labels.ts);
 * - the step arrows (mouse shortcuts for the spin button's own arrow keys) are hidden from screen
 *   readers, the clear button says 清除 in the Chinese UI; the build fails if the library's code no
 *   longer has the label to replace (LIBRARY_LABELS).
 */
/** The UI's language as the page says it (index.html starts zh-CN; the language switch sets it). */
const UI_IS_ENGLISH = "(typeof document !== 'undefined' && document.documentElement.lang === 'en')";
/** English labels written into antd's libraries, and what they become. */
const LIBRARY_LABELS = [
  {
    file: /[\\/]@rc-component[\\/]input-number[\\/]es[\\/]StepHandler\.js$/,
    from: `"aria-label": isUpAction ? 'Increase Value' : 'Decrease Value',`,
    to: '"aria-hidden": true,',
  },
  {
    file: /[\\/]@rc-component[\\/]select[\\/]es[\\/]hooks[\\/]useAllowClear\.js$/,
    from: `allowClearConfig.label ?? 'Clear'`,
    to: `allowClearConfig.label ?? (${UI_IS_ENGLISH} ? 'Clear' : '清除')`,
  },
];

function screenReaderLabels(): Plugin {
  const wrapper = fileURLToPath(new URL('./src/shared/ui/icon-labels.ts', import.meta.url));
  const prefix = '\0firstset-icon:';
  return {
    name: 'firstset-screen-reader-labels',
    enforce: 'pre',
    resolveId(source, importer) {
      const base = /^\.\.\/components\/(AntdIcon|AntdIconLight)(\.js)?$/.exec(source);
      if (base && importer && /[\\/]@ant-design[\\/]icons[\\/]es[\\/]icons[\\/]/.test(importer)) return prefix + base[1];
      return null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const base = id.slice(prefix.length);
      return `import Icon from '@ant-design/icons/es/components/${base}';\nimport { labelledIcon } from ${JSON.stringify(wrapper)};\nexport default labelledIcon(Icon);\n`;
    },
    transform(code, id) {
      const fix = LIBRARY_LABELS.find((f) => f.file.test(id));
      if (!fix) return null;
      if (!code.includes(fix.from)) throw new Error(`${id}: the English label to replace was not found`);
      return code.replace(fix.from, fix.to);
    },
  };
}

/**
 * A brotli (quality 11) and a gzip (level 9) copy beside every file of dist/assets, made once at
 * build so that the gateway sends them as they are (src/http/web-assets.ts, ADR 0032): the smallest
 * encodings, at no CPU cost per request. A copy no smaller than its file is not written.
 */
function precompress(): Plugin {
  const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = '';
  return {
    name: 'firstset-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle() {
      const dir = join(outDir, 'assets');
      const files = (await readdir(dir)).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (f) => {
          const body = await readFile(join(dir, f));
          const copies = await Promise.all([
            br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).then((b) => ['.br', b] as const),
            gz(body, { level: 9 }).then((b) => ['.gz', b] as const),
          ]);
          for (const [suffix, copy] of copies) if (copy.length < body.length) await writeFile(join(dir, f + suffix), copy);
        }),
      );
    },
  };
}

// Pages load lazily (src/app/router.tsx, src/app/routes.tsx): the entry is ≈ 280 kB, without antd
// (the public pages do without it, ADR 0032); only the dashboards' charts pass 700 kB.
// `npm run dev` proxies the API to a gateway on :3000; in production the gateway serves dist/.
export default defineConfig({
  plugins: [screenReaderLabels(), react(), precompress()],
  // The domain package's TypeScript rather than its CommonJS build: ES modules, so that a page
  // bundles only the few rules and tables it uses, not the whole package (ADR 0032).
  resolve: { alias: [{ find: /^@firstset\/domain$/, replacement: fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)) }] },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  test: { include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
