type Step = () => unknown;

/** What the bench started (sandbox, browser, temp dir), undone in reverse order: on success, failure or Ctrl-C. */
export class Cleanup {
  private readonly steps: Array<{ what: string; step: Step }> = [];
  /** The signal that stopped the bench, if one did: what fails after it is a consequence, not a finding. */
  interruptedBy: NodeJS.Signals | null = null;

  add(what: string, step: Step): void {
    this.steps.push({ what, step });
  }

  async run(): Promise<void> {
    for (let next = this.steps.pop(); next; next = this.steps.pop()) {
      try {
        await next.step();
      } catch (error) {
        console.error(`Could not clean up ${next.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Ctrl-C or a kill still stops the sandbox and the browser. A repeated signal (tsx forwards Ctrl-C too) waits. */
  runOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (this.interruptedBy) {
          return;
        }
        this.interruptedBy = signal;
        console.error(`\n${signal}: stopping the sandbox and the browser`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }
}
