import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Build and dev config of the web client; server.ts serves it (Vite middleware or dist/). */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
