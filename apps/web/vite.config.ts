import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Every @ant-design/icons icon (antd's own included) renders through one base component, which
 * labels it for screen readers in English ("search"). The icons' imports of that component come to
 * a wrapper that hides an unlabelled, decorative icon from screen readers instead
 * (src/shared/ui/decorative-icon.ts): one place, no icon edited.
 */
function iconLabels(): Plugin {
  const wrapper = fileURLToPath(new URL('./src/shared/ui/decorative-icon.ts', import.meta.url));
  const prefix = '\0firstset-icon:';
  return {
    name: 'firstset-icon-labels',
    enforce: 'pre',
    resolveId(source, importer) {
      const base = /^\.\.\/components\/(AntdIcon|AntdIconLight)(\.js)?$/.exec(source);
      if (base && importer && /[\\/]@ant-design[\\/]icons[\\/]es[\\/]icons[\\/]/.test(importer)) return prefix + base[1];
      return null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const base = id.slice(prefix.length);
      return `import Icon from '@ant-design/icons/es/components/${base}';\nimport { decorativeUnlessLabelled } from ${JSON.stringify(wrapper)};\nexport default decorativeUnlessLabelled(Icon);\n`;
    },
  };
}

// Pages load lazily (src/routes.tsx): the entry is ≈ 380 kB and no chunk passes 700 kB.
// `npm run dev` proxies the API to a gateway on :3000; in production the gateway serves dist/.
export default defineConfig({
  plugins: [iconLabels(), react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  test: { include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
