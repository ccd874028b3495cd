/**
 * LockService within one process: a lock per document (and one per script) shared by every Lock object,
 * plus a test hook standing in for another execution holding it. Never sleeps: a lock held elsewhere
 * stays held for the whole timeout, so tryLock fails and waitLock throws at once.
 */

export interface LockState {
  /** The Lock object holding it, 'other' for a simulated concurrent execution, or null. */
  holder: object | 'other' | null;
}

export class LockImpl {
  constructor(private readonly state: LockState) {}

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || timeoutInMillis < 0) throw new Error('Invalid argument: timeoutInMillis');
    if (this.state.holder === this) return true;
    if (this.state.holder !== null) return false;
    this.state.holder = this;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}
