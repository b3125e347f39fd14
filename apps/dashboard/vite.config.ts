import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// With .js: what Vite's native config loader (its coming default) needs; TypeScript maps it to the .ts file.
import { antdStaticStyle } from './antd-static-style.js';
import { THEME_TOKEN } from './src/theme.js';

/**
 * Writes a .br and a .gz beside every text file of the build, which the server sends as they are to
 * a browser that accepts them (apps/server/src/static-assets.ts): compressed once here, never per request.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'kaoping-precompress',
    apply: 'build',
    async writeBundle(output, bundle) {
      const dir = output.dir ?? 'dist';
      const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg|json)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const content = await readFile(path);
          if (content.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            // Quality 9: within a few per cent of 11 (8 % larger) at a quarter of its time.
            brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gz(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * The entry (src/main.tsx) is tiny and loads the app frame (src/app.tsx) with import(), so it can ask
 * for the session and the page's chunks first (issue #14). This lists the frame's chunks in
 * index.html as modulepreloads, so the browser downloads them while it parses the page, in parallel
 * with the entry, instead of after the entry has run.
 */
function preloadAppFrame(): Plugin {
  return {
    name: 'kaoping-preload-app-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const frame = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.isDynamicEntry && /[\\/]src[\\/]app\.tsx$/.test(c.facadeModuleId ?? ''),
        );
        if (!frame || frame.type !== 'chunk') return [];
        const files: string[] = [];
        const visit = (file: string) => {
          const c = bundle[file];
          if (!c || c.type !== 'chunk' || files.includes(file) || file === chunk.fileName) return;
          files.push(file);
          c.imports.forEach(visit);
        };
        visit(frame.fileName);
        // The largest first: with six connections to the server, the long downloads should not queue.
        const size = (file: string) => {
          const c = bundle[file];
          return c?.type === 'chunk' ? c.code.length : 0;
        };
        return files
          .sort((a, b) => size(b) - size(a))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * antd's component styles for the app's theme (src/theme.ts) as a stylesheet linked from index.html,
 * generated once per build or dev server (antd-static-style.ts, a few seconds), so the browser does not
 * generate them at first render (antd's `zeroRuntime`, issue #14). Written as antd would have injected
 * them, not through Vite's CSS pipeline (its minifier rejects the odd rule antd emits and browsers skip).
 */
function antdStyle(): Plugin {
  let css: string | null = null;
  const style = () => (css ??= antdStaticStyle(THEME_TOKEN));
  const fileName = () => `assets/antd-${createHash('sha256').update(style()).digest('hex').slice(0, 10)}.css`;
  const devPath = '/@kaoping/antd-style.css';
  const isEntry = (id: string) => /[\\/]src[\\/]main\.tsx$/.test(id);
  let building = false;
  return {
    name: 'kaoping-antd-style',
    configResolved(config) {
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use(devPath, (_req, res) => {
        res.setHeader('content-type', 'text/css');
        res.end(style());
      });
    },
    generateBundle(_options, bundle) {
      if (Object.values(bundle).some((c) => c.type === 'chunk' && c.moduleIds.some(isEntry)))
        this.emitFile({ type: 'asset', fileName: fileName(), source: style() });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { chunk }) {
        // Only the dashboard's own index.html (not the charts preview built with this config).
        const isApp = chunk ? chunk.moduleIds.some(isEntry) : html.includes('/src/main.tsx');
        if (!isApp) return [];
        return [
          { tag: 'link', attrs: { rel: 'stylesheet', href: building ? `/${fileName()}` : devPath }, injectTo: 'head-prepend' as const },
        ];
      },
    },
  };
}

// In development the API runs separately (pnpm start) and Vite proxies /trpc to it.
export default defineConfig({
  plugins: [react(), antdStyle(), preloadAppFrame(), precompress()],
  server: { host: '127.0.0.1', port: 5173, proxy: { '/trpc': 'http://127.0.0.1:5180' } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
