import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/classes/static, which Maven packages as the designer-ui jar: the app serves it from
// classpath:/static. `npm run dev` proxies the API to an app started with `./ivr start`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
