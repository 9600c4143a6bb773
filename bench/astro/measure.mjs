// One build process measured from outside: wall time around the spawn, CPU time (user + system)
// and the largest single resident set from GNU time (which counts every process the build
// started and waited for), and the peak of the summed resident sets of the whole process tree,
// sampled from /proc (Astro runs an esbuild service beside Node: its memory counts too).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const SAMPLE_MS = 50;

/** Parent pid of every process, from /proc/<pid>/stat (`pid (comm) state ppid …`). */
function parents() {
  const map = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return map;
}

/** Resident set of one process in kB (0 when it has ended). */
function rssKB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Summed resident set (kB) of every descendant of `root` (not `root` itself: GNU time). */
function treeRssKB(root) {
  const byParent = new Map();
  for (const [pid, ppid] of parents()) {
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(pid);
  }
  let sum = 0;
  const todo = [...(byParent.get(root) ?? [])];
  while (todo.length > 0) {
    const pid = todo.pop();
    sum += rssKB(pid);
    todo.push(...(byParent.get(pid) ?? []));
  }
  return sum;
}

/**
 * Run `command args` under GNU time and sample its process tree until it ends.
 *
 * @param {string} command Executable.
 * @param {string[]} args Its arguments.
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, timeFile: string }} options Where it runs, its
 *   environment, and the file GNU time writes its figures to.
 * @returns {Promise<{ code: number, wallMs: number, cpuMs: number, rssMB: number, maxProcMB: number, stdout: string, stderr: string }>}
 */
export function measure(command, args, { cwd, env = process.env, timeFile }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let peakKB = 0;
    const timer = setInterval(() => {
      peakKB = Math.max(peakKB, treeRssKB(child.pid));
    }, SAMPLE_MS);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearInterval(timer);
      // GNU time writes "Command exited with non-zero status N" first when it did: the figures are the last line.
      const [user, sys, maxKB] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      resolve({
        code: code ?? 1,
        wallMs,
        cpuMs: (user + sys) * 1000,
        // A sample can miss a short peak of the largest process: GNU time's figure is a floor.
        rssMB: Math.max(peakKB, maxKB) / 1024,
        maxProcMB: maxKB / 1024,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
