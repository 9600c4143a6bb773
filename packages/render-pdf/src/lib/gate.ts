/**
 * At most `size` holders at a time; the others wait in order. A released place passes straight
 * to the next in line.
 */
export class Gate {
  #active = 0;
  readonly #waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor(readonly size: number) {}

  /** Resolves when a place is free (now, or when one is released). */
  async acquire(): Promise<void> {
    if (this.#active < this.size) {
      this.#active++;
      return;
    }
    await new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Give a place back. */
  release(): void {
    const next = this.#waiting.shift();
    // The place passes straight to the next holder, so `active` stays the same.
    if (next) next.resolve();
    else this.#active--;
  }

  /** Reject everyone still waiting (the pool is closing). */
  rejectWaiting(error: () => Error): void {
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error());
  }
}
