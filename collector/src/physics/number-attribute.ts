/** An entity attribute read as a finite number (numbers, or numeric text as inventories may give), else undefined. */
export function numberAttribute(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
