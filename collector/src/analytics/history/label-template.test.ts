import { isTemplateError, parseLabelTemplate } from './label-template';
import type { LabelTemplate } from './label-template';

function parsed(text: string): LabelTemplate {
  const template = parseLabelTemplate(text);
  if (isTemplateError(template)) throw new Error(template.error);
  return template;
}

describe('parseLabelTemplate', () => {
  const labels = { host_name: 'srv-1', hw_id: 'temp_0', __name__: 'hw_temperature_celsius', empty: '' };

  it.each([
    ['hw:{{host_name}}/{{hw_id}}', { value: 'hw:srv-1/temp_0' }, ['host_name', 'hw_id']],
    ['hw.temperature', { value: 'hw.temperature' }, []],
    ['{{ host_name }}', { value: 'srv-1' }, ['host_name']],
    ['{{__name__}}.{{hw_id}}.{{hw_id}}', { value: 'hw_temperature_celsius.temp_0.temp_0' }, ['__name__', 'hw_id']],
    ['host:{{rack}}', { missing: 'rack' }, ['rack']],
    ['{{hw_id}}{{rack}}{{room}}', { missing: 'rack' }, ['hw_id', 'rack', 'room']],
    ['x{{empty}}', { missing: 'empty' }, ['empty']],
  ])('%s renders %j and needs %j', (text, rendered, needed) => {
    const template = parsed(text);
    expect(template.render(labels)).toEqual(rendered);
    expect(template.labels).toEqual(needed);
  });

  it.each([
    ['', 'must not be empty'],
    ['  ', 'must not be empty'],
    ['hw:{{host_name', 'has "{{" without "}}" at character 4'],
    ['hw:host}}', 'has "}}" without "{{" at character 8'],
    ['{{host}}/}}', 'has "}}" without "{{" at character 10'],
    ['hw:{{}}', 'needs a label name ([a-zA-Z_][a-zA-Z0-9_]*) inside "{{ }}" at character 4'],
    ['{{host-name}}', 'needs a label name ([a-zA-Z_][a-zA-Z0-9_]*) inside "{{ }}" at character 1'],
    ['a{{1x}}', 'needs a label name ([a-zA-Z_][a-zA-Z0-9_]*) inside "{{ }}" at character 2'],
  ])('%j is refused: %s', (text, error) => {
    expect(parseLabelTemplate(text)).toEqual({ error });
  });
});
