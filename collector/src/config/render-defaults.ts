import type { Field, ObjectField, Shape } from './schema';

/** The default config as commented YAML: what `twinops config defaults` prints and the README shows. */
export function renderDefaults(schema: ObjectField<Shape>): string {
  return renderShape(schema.shape, 0).join('\n') + '\n';
}

function renderShape(shape: Shape, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (field.doc) lines.push(...field.doc.split('\n').map((line) => `${indent}# ${line}`));
    if (isObject(field)) {
      lines.push(`${indent}${key}:`, ...renderShape(field.shape, depth + 1));
    } else {
      lines.push(`${indent}${key}: ${JSON.stringify(field.defaultValue)}`);
    }
  }
  return lines;
}

function isObject(field: Field<unknown>): field is ObjectField<Shape> {
  return field.kind === 'object';
}
