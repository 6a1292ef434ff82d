/** One call to Prometheus's `GET /api/v1/query_range`, with a deadline and a size cap, never throwing. */

export type Fetch = typeof fetch;

export interface RangeQuery {
  query: string;
  /** Seconds since the epoch (Prometheus's unit). */
  startSeconds: number;
  endSeconds: number;
  stepSeconds: number;
}

export interface RangeSeries {
  metric: Record<string, string>;
  /** [seconds since the epoch, value as Prometheus formats it ("NaN", "+Inf" included)]. */
  values: [number, string][];
}

export type RangeAnswer = { ok: true; series: RangeSeries[]; warnings: string[] } | { ok: false; error: string };

export interface QueryRangeOptions {
  /** The Prometheus base URL, possibly with a path prefix. */
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs: number;
  maxBytes: number;
  fetch: Fetch;
}

/** Long bodies (an HTML error page) are cut to this many characters in messages. */
const EXCERPT_CHARS = 200;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

export function queryRangeUrl(base: string, query: RangeQuery): string {
  const url = new URL('api/v1/query_range', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('query', query.query);
  url.searchParams.set('start', String(query.startSeconds));
  url.searchParams.set('end', String(query.endSeconds));
  url.searchParams.set('step', String(query.stepSeconds));
  return url.toString();
}

/** The body as text, or undefined once it passes maxBytes (counted after decompression: what memory holds). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function messageOf(err: unknown): string | undefined {
  // Duck-typed: errors from another realm (Node's fetch seen from a test sandbox) fail instanceof.
  const message = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

function describeFailure(err: unknown): string {
  // undici reports "fetch failed" and puts the reason (ECONNREFUSED, DNS, TLS) in `cause`.
  const cause = typeof err === 'object' && err !== null ? messageOf((err as { cause?: unknown }).cause) : undefined;
  return cause ?? messageOf(err) ?? String(err);
}

function interpret(status: number, text: string): RangeAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: status >= 200 && status < 300 ? `answer is not JSON: ${excerpt(text)}` : `HTTP ${status}: ${excerpt(text)}` };
  }
  const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (answer.status === 'error') {
    return { ok: false, error: `Prometheus error (HTTP ${status}, ${String(answer.errorType)}): ${String(answer.error)}` };
  }
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}: ${excerpt(text)}` };
  const data = (typeof answer.data === 'object' && answer.data !== null ? answer.data : {}) as Record<string, unknown>;
  if (answer.status !== 'success' || !Array.isArray(data.result)) {
    return { ok: false, error: `answer has no data.result list: ${excerpt(text)}` };
  }
  if (data.resultType !== 'matrix') return { ok: false, error: `expected a matrix result, got ${JSON.stringify(data.resultType)}` };
  const series = (data.result as Partial<RangeSeries>[]).map((item) => ({
    metric: item.metric ?? {},
    values: Array.isArray(item.values) ? item.values : [],
  }));
  const warnings = Array.isArray(answer.warnings) ? answer.warnings.map(String) : [];
  return { ok: true, series, warnings };
}

/** Asks one range query; every failure comes back as `{ ok: false, error }` describing it. */
export async function queryRange(query: RangeQuery, options: QueryRangeOptions): Promise<RangeAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    const response = await options.fetch(queryRangeUrl(options.url, query), { headers, signal: controller.signal });
    const text = await readCapped(response, options.maxBytes);
    if (text === undefined) return { ok: false, error: `answer larger than max_response_bytes (${options.maxBytes})` };
    return interpret(response.status, text);
  } catch (err) {
    if (timedOut) return { ok: false, error: `no complete answer within timeout_seconds (${options.timeoutMs / 1000} s)` };
    return { ok: false, error: `request failed: ${describeFailure(err)}` };
  } finally {
    clearTimeout(timer);
  }
}
