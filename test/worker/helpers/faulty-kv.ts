/**
 * A KV binding wrapper that fails on demand: reads throw, hang forever, or return a value the test
 * chooses, for keys matching a pattern. The Worker sees it exactly where it sees the real binding.
 */
import { env } from "cloudflare:workers";
import type { Env } from "../../../src/env.ts";

export type Fault = { kind: "none" } | { kind: "throw" } | { kind: "hang" } | { kind: "value"; value: string | null };

export interface FaultyKv {
  env: Env;
  /** Applies a fault to reads of keys matching `keys` (every key when omitted). */
  set(fault: Fault, keys?: RegExp): void;
  /** Reads attempted since the last `set`. */
  reads: string[];
}

export function faultyKv(real: KVNamespace = env.BLOG): FaultyKv {
  let fault: Fault = { kind: "none" };
  let pattern = /.*/;
  const state: FaultyKv = {
    env: { BLOG: null as unknown as KVNamespace },
    set(next, keys = /.*/) {
      fault = next;
      pattern = keys;
      state.reads = [];
    },
    reads: [],
  };
  const binding = {
    get(key: string, type: "text" | "arrayBuffer"): Promise<string | ArrayBuffer | null> {
      state.reads.push(key);
      if (!pattern.test(key) || fault.kind === "none") return type === "text" ? real.get(key, "text") : real.get(key, "arrayBuffer");
      if (fault.kind === "throw") return Promise.reject(new Error("KV GET failed: 500 Internal Server Error"));
      if (fault.kind === "hang") return new Promise<never>(() => {});
      const value = fault.value;
      return Promise.resolve(value === null || type === "text" ? value : (new TextEncoder().encode(value).buffer as ArrayBuffer));
    },
  };
  state.env = { BLOG: binding as unknown as KVNamespace };
  return state;
}
