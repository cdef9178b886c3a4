import type { BenchContext } from './benchmark';
import { prepareBuild } from './next-server';
import { describeMachine } from './report';

/**
 * What every benchmark does first: read BENCH_SCALE, describe the machine, and — unless
 * BENCH_SKIP_API=1 — make sure a production build with `routes` exists and copy it (the build
 * is slow and must not run while anything is timed). `apiProblem` says why the API will not be
 * timed; a benchmark may set its own later (the server would not start).
 */
export async function startRun(ctx: BenchContext, routes: string[]) {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
  const machine = describeMachine();
  const startedAt = new Date();
  ctx.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load average ${machine.loadAverage}`);

  let apiProblem: string | null = null;
  let buildDir: string | null = null;
  if (process.env.BENCH_SKIP_API === '1') apiProblem = 'skipped (BENCH_SKIP_API=1)';
  else {
    const build = await prepareBuild(routes, 30 * 60_000, ctx.onCleanup, ctx.log);
    if ('problem' in build) apiProblem = build.problem;
    else buildDir = build.dir;
    ctx.log(apiProblem ? `The API will not be timed: ${apiProblem}.` : `The production build is up to date; timing a copy of it (${buildDir}).`);
  }
  return { scale, machine, startedAt, apiProblem, buildDir };
}
