import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:8080';

/** Web shell: root `src/web`, output `dist/web` (served by the Fastify server with an SPA fallback). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  server: { proxy: { '/api': api, '/health': api } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts (~660 kB, 220 kB gzip, with the supervision map and gauges) is its own lazily loaded chunk, fetched
    // only by regulators' pages with charts.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Vendor groups change far less often than pages, so they stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
              priority: 4,
            },
            {
              // Above echarts: echarts-for-react imports React, which would otherwise be pulled into the echarts
              // chunk and make every page load ECharts up front.
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie)[\\/]/,
              priority: 5,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
