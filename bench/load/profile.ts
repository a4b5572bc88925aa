import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * CPU profile of the server's thread during the measured levels only (`--profile file.cpuprofile`), so that
 * start-up, seeding and setup do not drown the request path; open it in Chrome DevTools or speedscope.
 */
export async function startProfile(file: string | undefined) {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
