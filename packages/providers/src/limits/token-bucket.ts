/**
 * A token bucket refilled continuously at `perMinute / 60` per second, holding at most one
 * second's worth (at least 1), so a per-minute limit is spread evenly instead of spent in one
 * burst. A take larger than the capacity waits for a full bucket and leaves it in debt.
 */
export class TokenBucket {
  private readonly capacity: number;
  private readonly perMillisecond: number;
  private level: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(perMinute: number) {
    this.perMillisecond = perMinute / 60_000;
    this.capacity = Math.max(1, perMinute / 60);
    this.level = this.capacity;
    this.updatedAt = Date.now();
  }

  /** Waits until `amount` can be taken, then takes it. Takers are served in arrival order. */
  take(amount: number): Promise<void> {
    const turn = this.queue.then(() => this.waitAndTake(amount));
    this.queue = turn;
    return turn;
  }

  /** Corrects an earlier take once the real amount is known (positive: more was used). */
  adjust(delta: number): void {
    this.refill();
    this.level = Math.min(this.capacity, this.level - delta);
  }

  private async waitAndTake(amount: number): Promise<void> {
    const needed = Math.min(amount, this.capacity);
    for (;;) {
      this.refill();
      if (this.level >= needed) {
        this.level -= amount;
        return;
      }
      const wait = Math.ceil((needed - this.level) / this.perMillisecond);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private refill(): void {
    const now = Date.now();
    this.level = Math.min(this.capacity, this.level + (now - this.updatedAt) * this.perMillisecond);
    this.updatedAt = now;
  }
}
