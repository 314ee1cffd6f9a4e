/** The CLI run in this process (cli/run.ts, no bundle, no child process) with its streams collected. */
import { run } from '../../cli/run';

export interface InProcessRun {
  code: number;
  stdout: string;
  /** Each write to stdout, in order (the CLI streams a file's results as one write). */
  chunks: string[];
  stderr: string;
}

export async function runInProcess(
  args: string[],
  opts: { cwd: string; today: string; stdin?: string; tty?: boolean; env?: Record<string, string> },
): Promise<InProcessRun> {
  const chunks: string[] = [];
  let stderr = '';
  const code = await run(args, {
    cwd: opts.cwd,
    stdout: { write: (s: string) => chunks.push(s), isTTY: opts.tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty },
    readStdin: async () => opts.stdin ?? '',
    today: () => opts.today,
    env: opts.env ?? {},
  });
  return { code, stdout: chunks.join(''), chunks, stderr };
}
