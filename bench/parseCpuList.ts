/** The CPUs the bot process and the measuring process are pinned to (taskset -c). */
export interface CpuPinning {
  readonly bot: string;
  readonly harness: string;
}

/** Linux's CPU list format (Cpus_allowed_list in /proc/self/status: "0-3,8,10-11") → the CPU numbers, ascending. */
export function parseCpuList(list: string): number[] {
  const cpus = new Set<number>();
  for (const part of list.trim().split(",")) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (range === null) continue;
    const first = Number(range[1]);
    const last = range[2] === undefined ? first : Number(range[2]);
    for (let cpu = first; cpu <= last; cpu++) cpus.add(cpu);
  }
  return [...cpus].sort((a, b) => a - b);
}
