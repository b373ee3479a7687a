/** The workerd processes this script started, and their memory, read from /proc (Linux). */
import { readdir, readFile } from "node:fs/promises";

/** workerd processes that are descendants of this one. */
export async function workerdPids(): Promise<number[]> {
  const found: number[] = [];
  const walk = async (pid: number) => {
    for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
      for (const child of children.split(" ").filter(Boolean).map(Number)) {
        const comm = (await readFile(`/proc/${child}/comm`, "utf8").catch(() => "")).trim();
        if (comm === "workerd") found.push(child);
        await walk(child);
      }
    }
  };
  await walk(process.pid);
  return found;
}

/** Resident memory of a process in MiB, or null once it is gone. */
export async function rssMiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kb = status ? /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] : undefined;
  return kb === undefined ? null : Number(kb) / 1024;
}
