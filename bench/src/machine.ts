import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

/** The machine a bench ran on, as recorded beside every figure. */
export interface MachineInfo {
  /** `nproc`: processors available to this process. */
  nproc: number;
  /** `model name` of the first processor in /proc/cpuinfo. */
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryGB: number;
  /** 1, 5 and 15-minute load averages when the bench started. */
  loadAverage: number[];
  startedAt: string;
}

/** Reads the machine's description (Linux: /proc/cpuinfo; elsewhere the model is `unknown`). */
export function machineInfo(): MachineInfo {
  let cpuModel = 'unknown';
  try {
    cpuModel =
      /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    nproc: availableParallelism(),
    cpuModel,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    totalMemoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    startedAt: new Date().toISOString(),
  };
}

/** One line describing the machine. */
export function machineLine(machine: MachineInfo): string {
  return `machine: ${machine.nproc} processors (nproc), ${machine.cpuModel}, ${machine.totalMemoryGB} GB, Node ${machine.node} on ${machine.platform}; load average ${machine.loadAverage.join(' / ')} (1/5/15 min) at ${machine.startedAt}`;
}
