import { DEFAULT_PEER_ATTRIBUTES } from './config';
import { createPeerNaming, UNKNOWN, USER } from './peer-naming';
import type { Attributes } from '../../otlp';

const naming = createPeerNaming(DEFAULT_PEER_ATTRIBUTES);

describe('callee of a client span without server', () => {
  it.each<[string, Attributes, string, string, string]>([
    ['service.peer.name (new)', { 'service.peer.name': 'billing' }, 'service:billing', 'service', 'billing'],
    ['service.peer.name with namespace', { 'service.peer.name': 'billing', 'service.peer.namespace': 'shop' }, 'service:shop/billing', 'service', 'billing'],
    ['peer.service (old)', { 'peer.service': 'billing' }, 'service:billing', 'service', 'billing'],
    ['new peer name before old', { 'peer.service': 'old', 'service.peer.name': 'new' }, 'service:new', 'service', 'new'],
    ['peer service before db', { 'peer.service': 'orders-db', 'db.system.name': 'postgresql' }, 'service:orders-db', 'service', 'orders-db'],
    ['db.system.name + db.namespace (new)', { 'db.system.name': 'postgresql', 'db.namespace': 'orders' }, 'database:postgresql/orders', 'database', 'postgresql/orders'],
    ['db.system + db.name (old)', { 'db.system': 'mysql', 'db.name': 'users' }, 'database:mysql/users', 'database', 'mysql/users'],
    ['db.system.name alone', { 'db.system.name': 'redis' }, 'database:redis', 'database', 'redis'],
    ['db.system alone', { 'db.system': 'redis' }, 'database:redis', 'database', 'redis'],
    ['db mixed spellings', { 'db.system': 'postgresql', 'db.namespace': 'orders' }, 'database:postgresql/orders', 'database', 'postgresql/orders'],
    ['db before server.address', { 'db.system.name': 'postgresql', 'server.address': 'db-1' }, 'database:postgresql', 'database', 'postgresql'],
    ['messaging.system + destination.name (new)', { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }, 'messaging:kafka/orders', 'messaging', 'kafka/orders'],
    ['messaging.system + destination (old)', { 'messaging.system': 'rabbitmq', 'messaging.destination': 'jobs' }, 'messaging:rabbitmq/jobs', 'messaging', 'rabbitmq/jobs'],
    ['messaging.system alone', { 'messaging.system': 'kafka' }, 'messaging:kafka', 'messaging', 'kafka'],
    ['server.address', { 'server.address': 'api.example.com' }, 'external:api.example.com', 'external', 'api.example.com'],
    ['server.address:server.port', { 'server.address': 'api.example.com', 'server.port': 443 }, 'external:api.example.com:443', 'external', 'api.example.com:443'],
    ['net.peer.name:net.peer.port (old)', { 'net.peer.name': 'legacy', 'net.peer.port': '8080' }, 'external:legacy:8080', 'external', 'legacy:8080'],
    ['server.address before net.peer.name', { 'net.peer.name': 'old', 'server.address': 'new' }, 'external:new', 'external', 'new'],
    ['network.peer.address:port', { 'network.peer.address': '10.0.0.7', 'network.peer.port': 5432 }, 'external:10.0.0.7:5432', 'external', '10.0.0.7:5432'],
    ['net.sock.peer.addr (old)', { 'net.sock.peer.addr': '10.0.0.8' }, 'external:10.0.0.8', 'external', '10.0.0.8'],
    ['nothing: unknown', {}, 'unknown', 'unknown', 'unknown'],
    ['empty values are absent', { 'peer.service': '', 'server.address': '' }, 'unknown', 'unknown', 'unknown'],
  ])('%s', (_case, attributes, id, type, name) => {
    expect(naming.callee(attributes, {})).toMatchObject({ id, type, name });
  });

  it('reads the span first, then the resource', () => {
    expect(naming.callee({}, { 'peer.service': 'from-resource' }).id).toBe('service:from-resource');
    expect(naming.callee({ 'peer.service': 'from-span' }, { 'peer.service': 'from-resource' }).id).toBe('service:from-span');
    expect(naming.callee({ 'db.system.name': 'postgresql' }, { 'db.namespace': 'orders' }).id).toBe('database:postgresql/orders');
  });

  it('follows a configured list, custom keys naming services', () => {
    const custom = createPeerNaming(['rpc.service', 'db.namespace']);
    expect(custom.callee({ 'rpc.service': 'Greeter', 'peer.service': 'x' }, {}).id).toBe('service:Greeter');
    expect(custom.callee({ 'db.name': 'orders' }, {}).id).toBe('database:orders');
    expect(custom.callee({ 'peer.service': 'x' }, {})).toBe(UNKNOWN);
  });

  it('interns nodes so waiting spans share one object per peer', () => {
    expect(naming.callee({ 'peer.service': 'a' }, {})).toBe(naming.callee({ 'peer.service': 'a' }, {}));
  });
});

describe('caller of a root server or consumer span', () => {
  it.each<[string, Attributes, boolean, string]>([
    ['peer.service on a server', { 'peer.service': 'external-platform' }, false, 'service:external-platform'],
    ['service.peer.name on a server', { 'service.peer.name': 'partner' }, false, 'service:partner'],
    ['nothing: user', {}, false, 'user'],
    ['server.address describes the server itself', { 'server.address': 'me', 'db.system': 'x' }, false, 'user'],
    ['messaging destination on a consumer', { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }, true, 'messaging:kafka/orders'],
    ['messaging attributes on a server are not a caller', { 'messaging.system': 'kafka' }, false, 'user'],
    ['peer service before messaging on a consumer', { 'peer.service': 'p', 'messaging.system': 'kafka' }, true, 'service:p'],
  ])('%s', (_case, attributes, consumer, id) => {
    expect(naming.caller(attributes, {}, consumer).id).toBe(id);
  });

  it('is the shared user node without a peer', () => {
    expect(naming.caller({}, {}, false)).toBe(USER);
  });
});
