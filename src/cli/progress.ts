import type { GlobalOptions } from "./output.ts";

/** What a progress display writes to: stderr, or a test's stand-in. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Shows how far a long task has come, on stderr; `finish` ends the display (also after a failure). */
export interface ProgressDisplay {
  update(done: number, total: number): void;
  finish(): void;
}

const BAR_CELLS = 30;
const PLAIN_STEPS = 4;

const percentOf = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100);

/** A bar redrawn in place on a terminal, only when the percentage moves. */
function showBar(label: string, stream: ProgressStream): ProgressDisplay {
  let shown = -1;
  return {
    update(done, total) {
      const percent = percentOf(done, total);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((percent / 100) * BAR_CELLS);
      // \r returns to the line's start and \x1b[K clears what a longer previous line left.
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(BAR_CELLS - filled)}] ${String(percent).padStart(3)}% ${done}/${total}\x1b[K`);
    },
    // The bar goes once the task is done: what the command prints next starts on a clean line.
    finish() {
      if (shown >= 0) stream.write("\r\x1b[K");
    },
  };
}

/** A line at each quarter, for logs and pipes, where a redrawn bar would be noise. */
function showLines(label: string, stream: ProgressStream): ProgressDisplay {
  let step = 0;
  return {
    update(done, total) {
      const reached = Math.floor((percentOf(done, total) / 100) * PLAIN_STEPS);
      if (reached <= step) return;
      step = reached;
      stream.write(`${label}: ${percentOf(done, total)}% (${done}/${total})\n`);
    },
    finish() {},
  };
}

/**
 * The progress display a command should use: a bar when stderr is a terminal, a few lines when
 * it is not, and nothing with --json, whose callers read stdout and want stderr quiet.
 */
export function startProgress(label: string, options: GlobalOptions, stream: ProgressStream = process.stderr): ProgressDisplay {
  if (options.json) return { update() {}, finish() {} };
  return stream.isTTY ? showBar(label, stream) : showLines(label, stream);
}
