/**
 * `{{label}}` templates that turn a Prometheus series' labels into a twin entity id or signal name,
 * e.g. `hw:{{host_name}}/{{hw_id}}`. Everything outside the braces is literal text.
 */

/** A Prometheus label name, as its data model defines it. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Part = { literal: string } | { label: string };

export interface LabelTemplate {
  readonly text: string;
  /** The labels the template needs, in order of first use. */
  readonly labels: readonly string[];
  /** The rendered text, or the first label the series lacks. */
  render(labels: Readonly<Record<string, string>>): { value: string } | { missing: string };
}

/** Parses a template; on bad syntax returns the rule broken (the caller adds where and the value). */
export function parseLabelTemplate(text: string): LabelTemplate | { error: string } {
  if (text.trim() === '') return { error: 'must not be empty' };
  const parts: Part[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const close = text.indexOf('}}', at);
    if (close !== -1 && (open === -1 || close < open)) return { error: `has "}}" without "{{" at character ${close + 1}` };
    if (open === -1) {
      parts.push({ literal: text.slice(at) });
      break;
    }
    if (open > at) parts.push({ literal: text.slice(at, open) });
    const end = text.indexOf('}}', open + 2);
    if (end === -1) return { error: `has "{{" without "}}" at character ${open + 1}` };
    const name = text.slice(open + 2, end).trim();
    if (!LABEL_NAME.test(name)) {
      return { error: `needs a label name ([a-zA-Z_][a-zA-Z0-9_]*) inside "{{ }}" at character ${open + 1}` };
    }
    parts.push({ label: name });
    at = end + 2;
  }
  const labels = [...new Set(parts.flatMap((part) => ('label' in part ? [part.label] : [])))];
  return {
    text,
    labels,
    render(series) {
      let value = '';
      for (const part of parts) {
        if ('literal' in part) {
          value += part.literal;
          continue;
        }
        const found = series[part.label];
        // Prometheus drops empty labels, so an empty one counts as missing too.
        if (found === undefined || found === '') return { missing: part.label };
        value += found;
      }
      return { value };
    },
  };
}

export function isTemplateError(parsed: LabelTemplate | { error: string }): parsed is { error: string } {
  return 'error' in parsed;
}
