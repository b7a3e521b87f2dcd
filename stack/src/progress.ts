/** Progress lines for long work (first start, demo data), with elapsed time. */
export function createProgress(out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    step(message: string): void {
      out(`[${elapsed().padStart(6)}] ${message}`);
    },
    count(message: string, done: number, total: number): void {
      out(`[${elapsed().padStart(6)}] ${message} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
    },
    elapsedSeconds: () => (Date.now() - started) / 1000,
  };
}

export type Progress = ReturnType<typeof createProgress>;
