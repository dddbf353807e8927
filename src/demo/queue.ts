/** A discrete-event queue: actions run in order of their instant, then of their scheduling. */
export class EventQueue {
  private readonly events: { at: number; seq: number; run: () => void }[] = [];
  private head = 0;
  private seq = 0;
  /** The instant of the action being run. */
  clock = Number.NEGATIVE_INFINITY;

  /** Schedules an action; one scheduled in the past runs next, at the current clock. */
  push(at: number, run: () => void): void {
    const e = { at: Math.max(at, this.clock), seq: this.seq++, run };
    let lo = this.head;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.events[mid] as { at: number; seq: number };
      if (m.at < e.at || (m.at === e.at && m.seq < e.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.events.splice(lo, 0, e);
  }

  /** Runs every action up to and including `until`; later ones are dropped. */
  run(until: number): void {
    while (this.head < this.events.length) {
      const e = this.events[this.head] as { at: number; run: () => void };
      if (e.at > until) break;
      this.head++;
      this.clock = e.at;
      e.run();
    }
    this.events.length = 0;
    this.head = 0;
  }
}
