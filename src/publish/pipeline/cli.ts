/**
 * Runs a command-line step: prints its report, or its problems without a stack trace, and sets the exit code.
 */
import { realpathSync } from 'node:fs';

/** A failure of a build step with a message meant for the user (no stack trace). */
export class StepError extends Error {}

/**
 * A failure the user can act on: already-formatted `path:line:col: rule: message` lines. Here, not beside the
 * reader that throws most of them: every step's process imports this module, Astro's too, and importing the reader
 * with it cost each of them 0.35 s.
 */
export class PlanInputError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/** Runs `step`; on PlanInputError or StepError prints the message to stderr and exits 1. */
export async function runCli(step: () => Promise<string | void>): Promise<void> {
  try {
    const report = await step();
    if (report) console.log(report);
  } catch (error) {
    if (error instanceof PlanInputError) {
      for (const line of error.lines) console.error(line);
      console.error(`${error.lines.length} problem${error.lines.length === 1 ? '' : 's'}; nothing was written.`);
    } else if (error instanceof StepError) {
      console.error(error.message);
    } else {
      // An unexpected failure is a bug; show the stack so it can be fixed.
      console.error(error);
    }
    process.exitCode = 1;
  }
}

/** True when the module at `moduleUrl` is the script node was started with (import.meta.main needs Node 24). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && new URL(moduleUrl).pathname === realpathSync(entry);
}
