/**
 * `sphere serve --scan-every`: runs a scan on a schedule, one at a time (a run that is due while
 * one is still going waits for the next turn), and keeps the last run's state for the pages.
 * @module
 */
import type { ScheduleState } from './layout.ts'

/** The result of one scheduled scan. */
export interface ScanRun {
  readonly exitCode: number
  /** One line: what happened (stored as scan N, or the error). */
  readonly message: string
}

/** A scan runner on a timer. */
export class Scheduler {
  private running = false
  private last: ScheduleState['last']
  private nextAt: number | undefined
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly everyMs: number,
    private readonly label: string,
    private readonly run: () => Promise<ScanRun>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs once now, then every interval. */
  start(): void {
    void this.tick()
  }

  /** Runs a scan unless one is running; resolves when it ends. */
  async tick(): Promise<void> {
    this.schedule()
    if (this.running) return
    this.running = true
    const startedAt = new Date(this.clock()).toISOString()
    try {
      const r = await this.run()
      this.last = {
        startedAt,
        finishedAt: new Date(this.clock()).toISOString(),
        exitCode: r.exitCode,
        message: r.message,
      }
    } catch (err) {
      this.last = {
        startedAt,
        finishedAt: new Date(this.clock()).toISOString(),
        exitCode: 4,
        message: (err as Error).message,
      }
    } finally {
      this.running = false
    }
  }

  private schedule() {
    if (this.timer) clearTimeout(this.timer)
    this.nextAt = this.clock() + this.everyMs
    this.timer = setTimeout(() => void this.tick(), this.everyMs)
    this.timer.unref()
  }

  state(): ScheduleState {
    return {
      every: this.label,
      running: this.running,
      ...(this.last ? { last: this.last } : {}),
      ...(this.nextAt !== undefined ? { next: new Date(this.nextAt).toISOString() } : {}),
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
