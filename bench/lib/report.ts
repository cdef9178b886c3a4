import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  loadAverage: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: loadAverage(),
  };
}

/** The 1-, 5- and 15-minute load averages: other work on the machine inflates every figure. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(1)).join(' / ');
}

/** Whether other work competed for the CPUs: a 1-minute load above the number of cores. */
export function machineWasBusy(loadAverages: string[]): boolean {
  const cores = os.cpus().length;
  return loadAverages.some((text) => Number(text.split(' / ')[0]) > cores);
}

/**
 * Replaces one benchmark's part of bench/README.md, between its markers under "Latest figures",
 * leaving the rest of the file (and the other benchmarks' figures) as it is.
 */
export function writeReadmeSection(name: string, markdown: string) {
  const file = path.join(BENCH_DIR, 'README.md');
  const start = `<!-- figures:${name}:start -->`;
  const end = `<!-- figures:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    if (!text.includes('## Latest figures')) text = `${text.trimEnd()}\n\n## Latest figures\n`;
    const heading = text.indexOf('## Latest figures');
    const next = text.indexOf('\n## ', heading + 1);
    const at = next === -1 ? text.length : next + 1;
    text = `${text.slice(0, at).trimEnd()}\n\n${block}\n${next === -1 ? '' : `\n${text.slice(at)}`}`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

/** Raw samples, for anyone who wants more than min / median / p95 (bench/.results is ignored by git). */
export function writeResults(name: string, data: unknown) {
  const dir = path.join(BENCH_DIR, '.results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}
