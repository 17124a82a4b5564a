/** Progress goes to stderr, so that stdout carries only the Markdown figures. */
export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
