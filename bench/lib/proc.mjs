// Server RSS and CPU from /proc (Linux), summed over every process of a server.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function rssBytes(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine was busy (all cores), from /proc/stat. */
export function systemBusySeconds() {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
    const [user, nice, system, , , irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Current RSS (bytes) summed over `pids`. */
export function rssOf(pids) {
  return pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/** CPU seconds used so far, summed over `pids`. */
export function cpuSecondsOf(pids) {
  return pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) / TICKS_PER_SECOND;
}

/**
 * Samples the server's RSS every `everyMs` while a scenario runs; `stop()` gives the
 * peak and mean RSS and the CPU used (percent of one core) over the window, the
 * harness's own CPU, and everything else's (noise) over the same window.
 */
export function startSampler(pids, everyMs = 200) {
  const cpu0 = cpuSecondsOf(pids);
  const self0 = process.cpuUsage();
  const system0 = systemBusySeconds();
  const t0 = performance.now();
  let peak = rssOf(pids);
  let sum = peak;
  let n = 1;
  const timer = setInterval(() => {
    const rss = rssOf(pids);
    peak = Math.max(peak, rss);
    sum += rss;
    n += 1;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const self = process.cpuUsage(self0);
      const rss = rssOf(pids);
      const serverCpuPercent = (100 * (cpuSecondsOf(pids) - cpu0)) / seconds;
      const harnessCpuPercent = (100 * (self.user + self.system)) / 1e6 / seconds;
      const systemPercent = (100 * (systemBusySeconds() - system0)) / seconds;
      return {
        seconds,
        serverCpuPercent,
        harnessCpuPercent,
        // Everything else on the machine meanwhile (noise: other processes, the kernel).
        otherCpuPercent: Math.max(0, systemPercent - serverCpuPercent - harnessCpuPercent),
        rssPeakBytes: Math.max(peak, rss),
        rssMeanBytes: (sum + rss) / (n + 1),
        rssEndBytes: rss,
      };
    },
  };
}
