import { describe, expect, it } from 'vitest';
import { parseWrk } from './http-loaders';

/** wrk 4.1's summary as printed here, with and without trouble. */
const CLEAN = `Running 2s test @ http://127.0.0.1:4601/
  1 threads and 5 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.90ms    7.41ms  74.74ms   78.84%
    Req/Sec   240.25     12.37   252.00     95.00%
  Latency Distribution
     50%   16.62ms
     75%   20.98ms
     90%   33.03ms
     99%   38.02ms
  479 requests in 2.00s, 16.96MB read
Requests/sec:    239.07
Transfer/sec:      8.46MB
`;

const TROUBLED = `Running 15s test @ http://127.0.0.1:4500/search?q=coffee
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   187.28ms   97.61ms   1.91s    97.71%
    Req/Sec   259.64     44.63   323.00     75.00%
  Latency Distribution
     50%  173.47ms
     75%  188.08ms
     90%  205.64ms
     99%  552.57ms
  3853 requests in 15.06s, 142.42MB read
  Socket errors: connect 0, read 0, write 0, timeout 16
  Non-2xx or 3xx responses: 3
Requests/sec:    255.83
Transfer/sec:      9.46MB
`;

describe('parseWrk', () => {
	it('reads requests, rate, p50, p99 and max in milliseconds', () => {
		expect(parseWrk(CLEAN)).toEqual({
			requests: 479,
			requestsPerSecond: 239.07,
			p50: 16.62,
			p99: 38.02,
			max: 74.74,
			errors: 0,
			statuses: { '2xx or 3xx': 479 }
		});
	});

	it('counts timeouts and error statuses as errors, and reads seconds as milliseconds', () => {
		const result = parseWrk(TROUBLED);
		expect(result.max).toBe(1910);
		expect(result.errors).toBe(19);
		expect(result.statuses).toEqual({ 'timeouts (10 s)': 16, 'non-2xx or 3xx': 3 });
	});
});
