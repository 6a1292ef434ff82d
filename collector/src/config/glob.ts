/** Globs on names: `*` matches any characters (none included), everything else itself. */

/** A matcher for one glob. */
export function compileGlob(glob: string): (name: string) => boolean {
  if (!glob.includes('*')) return (name) => name === glob;
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${pattern}$`, 's');
  return (name) => regex.test(name);
}

/** A matcher for a list of globs: true when any matches. */
export function compileGlobs(globs: readonly string[]): (name: string) => boolean {
  const matchers = globs.map(compileGlob);
  return (name) => matchers.some((match) => match(name));
}
