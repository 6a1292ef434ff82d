import type { Actuation } from '../runner';
import type { BodyReader } from './request-body';

/** One actuator endpoint: its JSON fields (snake_case) and the command they make. */
export interface ActuatorCommand {
  fields: readonly string[];
  command(body: BodyReader): Actuation;
}

/** `POST /api/v1/actuators/<name>`: what remediation webhooks call. */
export const ACTUATOR_COMMANDS: Readonly<Record<string, ActuatorCommand>> = {
  migrate: { fields: ['instance', 'to_host'], command: (b) => ({ action: 'migrate', instance: b.string('instance'), toHost: b.string('to_host') }) },
  scale: { fields: ['service', 'instances'], command: (b) => ({ action: 'scale', service: b.string('service'), instances: b.integer('instances') }) },
  restart: { fields: ['service'], command: (b) => ({ action: 'restart', service: b.string('service') }) },
  'crac-setpoint': { fields: ['crac', 'celsius'], command: (b) => ({ action: 'crac_setpoint', crac: b.string('crac'), celsius: b.number('celsius') }) },
  'crac-fan-speed': { fields: ['crac', 'ratio'], command: (b) => ({ action: 'crac_fan_speed', crac: b.string('crac'), ratio: b.number('ratio') }) },
  'host-power': { fields: ['host', 'on'], command: (b) => ({ action: 'host_power', host: b.string('host'), on: b.boolean('on') }) },
  'add-servers': {
    fields: ['rack', 'count', 'model'],
    command: (b) => ({ action: 'add_servers', rack: b.string('rack'), count: b.integer('count'), model: b.optionalString('model') }),
  },
  'load-factor': { fields: ['factor', 'service'], command: (b) => ({ action: 'load_factor', factor: b.number('factor'), service: b.optionalString('service') }) },
  'move-load': {
    fields: ['from_rack', 'to_rack', 'fraction'],
    command: (b) => ({ action: 'move_load', fromRack: b.string('from_rack'), toRack: b.string('to_rack'), fraction: b.number('fraction') }),
  },
};
