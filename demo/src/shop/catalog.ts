/**
 * The shop's services, their operations and call graph, and the virtual dependencies they call.
 * Figures are chosen so that at the evening peak the busiest services run near 60 % of their
 * cores: a traffic spike of 2× saturates the frontend, and the night trough leaves them idle.
 */

export type ServiceName =
  | 'frontend'
  | 'cart'
  | 'checkout'
  | 'payment'
  | 'catalog'
  | 'recommendation'
  | 'shipping';

export type DependencyName = 'postgresql' | 'redis' | 'kafka' | 'payments-api';

/** A synchronous HTTP call to another service's operation. */
export interface HttpCall {
  kind: 'http';
  service: ServiceName;
  operation: string;
  /** Mean calls per request of the calling operation. */
  ratio: number;
}

/** A call to a virtual dependency (database, cache, external API). */
export interface DependencyCall {
  kind: 'dependency';
  dependency: DependencyName;
  /** Span name, e.g. `SELECT products`. */
  name: string;
  ratio: number;
  /** Span attributes beyond the dependency's own (e.g. `db.operation.name`). */
  attributes: Record<string, string | number>;
}

/** Publishing to a Kafka topic; each message is consumed asynchronously by one consumer operation. */
export interface PublishCall {
  kind: 'publish';
  dependency: 'kafka';
  topic: string;
  ratio: number;
  consumer: { service: ServiceName; operation: string };
}

export type Call = HttpCall | DependencyCall | PublishCall;

export interface OperationSpec {
  /** Span name: `METHOD /route` for HTTP, `process <topic>` for consumers. */
  name: string;
  /** HTTP method and route; absent for message consumers. */
  http?: { method: string; route: string };
  /** CPU demand of one request of this operation on the service (core-seconds). */
  cpuSeconds: number;
  /** Calls made, in order (executed sequentially). */
  calls: Call[];
}

export interface ServiceSpec {
  name: ServiceName;
  /** Instances at start. */
  instances: number;
  /** Cores each instance may use (its share of the host). */
  coresPerInstance: number;
  /** Resident memory of a fresh instance (bytes). */
  baseMemoryBytes: number;
  operations: OperationSpec[];
}

export interface DependencySpec {
  name: DependencyName;
  /** Mean service time of one call (s). */
  serviceSeconds: number;
  /** Parallel servers (connections, partitions, workers) of its M/M/c queue. */
  servers: number;
  /** Peer attributes per the semantic conventions, put on the calling span. */
  attributes: Record<string, string | number>;
}

export interface ShopCatalog {
  services: ServiceSpec[];
  dependencies: DependencySpec[];
  /** Entry operations (on the frontend) that the load model drives. */
  entryOperations: string[];
}

const MIB = 1024 * 1024;

const http = (service: ServiceName, operation: string, ratio: number): HttpCall => ({
  kind: 'http',
  service,
  operation,
  ratio,
});

const sql = (operation: string, table: string, ratio: number): DependencyCall => ({
  kind: 'dependency',
  dependency: 'postgresql',
  name: `${operation} ${table}`,
  ratio,
  attributes: { 'db.operation.name': operation, 'db.collection.name': table },
});

const redis = (operation: string, ratio: number): DependencyCall => ({
  kind: 'dependency',
  dependency: 'redis',
  name: operation,
  ratio,
  attributes: { 'db.operation.name': operation },
});

const route = (method: string, path: string, cpuSeconds: number, calls: Call[]): OperationSpec => ({
  name: `${method} ${path}`,
  http: { method, route: path },
  cpuSeconds,
  calls,
});

export function defaultShopCatalog(): ShopCatalog {
  return {
    entryOperations: ['GET /', 'GET /product/:id', 'POST /cart', 'POST /checkout'],
    services: [
      {
        name: 'frontend', instances: 3, coresPerInstance: 4, baseMemoryBytes: 256 * MIB,
        operations: [
          route('GET', '/', 0.02, [http('catalog', 'GET /products', 1), http('recommendation', 'GET /recommendations', 1), http('cart', 'GET /cart', 0.3)]),
          route('GET', '/product/:id', 0.02, [http('catalog', 'GET /products/:id', 1), http('recommendation', 'GET /recommendations', 1)]),
          route('POST', '/cart', 0.015, [http('cart', 'POST /cart/items', 1)]),
          route('POST', '/checkout', 0.025, [http('checkout', 'POST /checkout', 1)]),
        ],
      },
      {
        name: 'catalog', instances: 3, coresPerInstance: 2, baseMemoryBytes: 384 * MIB,
        operations: [
          route('GET', '/products', 0.006, [sql('SELECT', 'products', 1)]),
          // A cache in the service answers 30 % of product lookups without the database.
          route('GET', '/products/:id', 0.004, [sql('SELECT', 'products', 0.7)]),
        ],
      },
      {
        name: 'recommendation', instances: 2, coresPerInstance: 4, baseMemoryBytes: 512 * MIB,
        operations: [route('GET', '/recommendations', 0.015, [])],
      },
      {
        name: 'cart', instances: 2, coresPerInstance: 2, baseMemoryBytes: 192 * MIB,
        operations: [
          route('GET', '/cart', 0.004, [redis('GET', 1)]),
          route('POST', '/cart/items', 0.006, [redis('GET', 1), redis('SET', 1)]),
        ],
      },
      {
        name: 'checkout', instances: 2, coresPerInstance: 2, baseMemoryBytes: 256 * MIB,
        operations: [
          route('POST', '/checkout', 0.012, [
            http('cart', 'GET /cart', 1),
            http('payment', 'POST /charge', 1),
            sql('INSERT', 'orders', 1),
            { kind: 'publish', dependency: 'kafka', topic: 'orders', ratio: 1, consumer: { service: 'shipping', operation: 'process orders' } },
          ]),
        ],
      },
      {
        name: 'payment', instances: 2, coresPerInstance: 2, baseMemoryBytes: 192 * MIB,
        operations: [
          route('POST', '/charge', 0.008, [
            { kind: 'dependency', dependency: 'payments-api', name: 'POST', ratio: 1, attributes: { 'http.request.method': 'POST', 'url.full': 'https://api.payments.example/v1/charges', 'http.response.status_code': 200 } },
          ]),
        ],
      },
      {
        name: 'shipping', instances: 2, coresPerInstance: 2, baseMemoryBytes: 192 * MIB,
        operations: [{ name: 'process orders', cpuSeconds: 0.01, calls: [sql('INSERT', 'shipments', 1)] }],
      },
    ],
    dependencies: [
      { name: 'postgresql', serviceSeconds: 0.002, servers: 20, attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'shop', 'server.address': 'postgres.shop.internal', 'server.port': 5432 } },
      { name: 'redis', serviceSeconds: 0.0003, servers: 4, attributes: { 'db.system.name': 'redis', 'db.namespace': '0', 'server.address': 'redis.shop.internal', 'server.port': 6379 } },
      { name: 'kafka', serviceSeconds: 0.001, servers: 8, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', 'server.address': 'kafka.shop.internal', 'server.port': 9092 } },
      // The external payment provider: slow but wide (many concurrent connections).
      { name: 'payments-api', serviceSeconds: 0.08, servers: 100, attributes: { 'server.address': 'api.payments.example', 'server.port': 443 } },
    ],
  };
}

/** The operation of a service by name; throws when the catalog does not have it. */
export function findOperation(catalog: ShopCatalog, service: ServiceName, operation: string): OperationSpec {
  const spec = catalog.services.find((s) => s.name === service)?.operations.find((o) => o.name === operation);
  if (!spec) throw new Error(`shop catalog: no operation '${operation}' on service '${service}'`);
  return spec;
}
