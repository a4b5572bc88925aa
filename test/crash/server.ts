import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A real `src/server/main.ts` child process, listening on the port the OS chose. */
export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn to the "Bulwark is serving" line. */
  startMs: number;
  /** CPU milliseconds (user + system) the process used to get there, where /proc tells; load-independent. */
  startCpuMs: number | undefined;
  output: () => string;
  /** SIGKILL: no handler runs, nothing is flushed or released. */
  kill9: () => Promise<void>;
  /** SIGTERM and wait for the graceful shutdown; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in USER_HZ = 100 on Linux). */
const cpuMsOf = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

// Servers still running when this process exits (a failed assertion, Ctrl-C) are killed rather than orphaned.
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** The environment every crash-test server and CLI run gets, on top of the engine's variables. */
export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    PORT: '0',
    HOST: '127.0.0.1',
    BULWARK_LOG_LEVEL: 'warn',
    // Six logins on the first start, then each writer posts as fast as the server answers: no anti-automation limits.
    BULWARK_LOGIN_RATE_PER_MINUTE: '10000',
    BULWARK_RATE_LIMIT_PER_MINUTE: '0',
    ...extra,
  };
}

/**
 * Spawns `node --import tsx src/server/main.ts` (no web build: the API is all the crash test needs) and resolves once
 * it prints the address it listens on, which main.ts does only after migrate, seed, start-up jobs and listen.
 */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<ServerProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  const append = (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const kill9 = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    }
    return child.exitCode;
  };

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`server not ready within ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      const m = /Bulwark is serving (http:\/\/\S+) on/.exec(out);
      if (m) done(null, m[1]!);
    };
    const onExit = () =>
      done(new Error(`server exited (${child.exitCode ?? child.signalCode}) before ready`));
    function done(e: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (e) reject(e);
      else resolve(url!);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  }).catch(async (e: Error) => {
    await kill9();
    throw new Error(`${e.message}:\n${out.slice(-4000)}`);
  });
  const startMs = Date.now() - started;
  return {
    pid: child.pid!,
    baseUrl,
    startMs,
    startCpuMs: cpuMsOf(child.pid!),
    output: () => out,
    kill9,
    stop,
  };
}

/** Runs `bulwark <args>` (bin/bulwark.js) to completion and returns its exit code and output. */
export function runCli(env: NodeJS.ProcessEnv, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/bulwark.js', ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
