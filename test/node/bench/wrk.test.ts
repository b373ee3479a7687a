import { describe, expect, it } from "vitest";
import { parseWrk } from "../../../scripts/bench/wrk.ts";

const REPORT = `Running 5s test @ http://127.0.0.1:8861/no/such/page/
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.02ms    9.84ms 202.01ms   96.12%
    Req/Sec     1.61k   210.31     1.90k    80.00%
  Latency Distribution
     50%  850.00us
     75%    6.41ms
     90%    9.12ms
     99%    1.20s
  8010 requests in 5.00s, 9.11MB read
  Non-2xx or 3xx responses: 8010
Requests/sec:   1602.00
Transfer/sec:      1.82MB
`;

describe("reading wrk's report", () => {
  it("takes throughput, percentiles in any unit and the failed answers", () => {
    expect(parseWrk(REPORT)).toEqual({ rps: 1602, p50Ms: 0.85, p99Ms: 1200, requests: 8010, non2xx3xx: 8010 });
  });

  it("counts no failures when wrk reports none", () => {
    expect(parseWrk(REPORT.replace(/ {2}Non-2xx.*\n/, "")).non2xx3xx).toBe(0);
  });

  it("refuses a report it cannot read instead of printing made-up figures", () => {
    expect(() => parseWrk("unable to connect to 127.0.0.1:8861 Connection refused")).toThrow(/could not read wrk/);
  });
});
