/**
 * The checks Grafana's plugin validator (its metadata analyzer, i.e. plugin.schema.json) makes that
 * apply to this repository's frontend plugins, written from the schema's facts because the
 * validator itself needs network access to fetch its binary; and the checks of a built plugin.
 * Each plugin's tests call these with its own directory and add what is particular to it.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { satisfies, validRange } from "semver";

export interface PluginFacts {
  /** The plugin's folder (holding src/ and dist/). */
  dir: string;
  id: string;
  type: "datasource" | "panel" | "app";
  name: string;
}

/** The source plugin.json of a plugin. */
export function readPluginJson(dir: string) {
  return JSON.parse(readFileSync(join(dir, "src", "plugin.json"), "utf8"));
}

// Keys plugin.schema.json allows (it sets additionalProperties: false at each of these levels).
export const ROOT_KEYS = [
  "$schema",
  "id",
  "type",
  "name",
  "info",
  "dependencies",
  "alerting",
  "annotations",
  "autoEnabled",
  "backend",
  "builtIn",
  "category",
  "enterpriseFeatures",
  "executable",
  "hideFromList",
  "includes",
  "logs",
  "metrics",
  "pascalName",
  "preload",
  "queryOptions",
  "routes",
  "skipDataQuery",
  "state",
  "streaming",
  "tracing",
];
const INFO_KEYS = [
  "author",
  "build",
  "description",
  "keywords",
  "links",
  "logos",
  "screenshots",
  "updated",
  "version",
];
export const ROUTE_KEYS = [
  "path",
  "method",
  "url",
  "reqSignedIn",
  "reqRole",
  "reqAction",
  "headers",
  "body",
  "tokenAuth",
  "jwtTokenAuth",
  "urlParams",
];
const DEPENDENCY_KEYS = ["grafanaVersion", "grafanaDependency", "plugins"];

/** The plugin.json checks every plugin of the repository passes. */
export function describePluginJson({ dir, id, type, name }: PluginFacts): void {
  const pluginJson = readPluginJson(dir);
  const src = join(dir, "src");

  describe("src/plugin.json (validator checks)", () => {
    it("holds only keys the schema knows, at the root, in info and dependencies", () => {
      expect(
        Object.keys(pluginJson).filter((key) => !ROOT_KEYS.includes(key)),
      ).toEqual([]);
      expect(
        Object.keys(pluginJson.info).filter((key) => !INFO_KEYS.includes(key)),
      ).toEqual([]);
      expect(
        Object.keys(pluginJson.dependencies).filter(
          (key) => !DEPENDENCY_KEYS.includes(key),
        ),
      ).toEqual([]);
    });

    it("has an id of the form <org>-<name>-<type> whose suffix is its type", () => {
      expect([pluginJson.type, pluginJson.id]).toEqual([type, id]);
      const match = /^[a-z0-9]+-[a-z0-9]+-(datasource|panel|app)$/.exec(
        pluginJson.id,
      );
      expect(match?.[1]).toBe(pluginJson.type);
    });

    it("has a name, a description, an author and keywords", () => {
      expect(pluginJson.name).toBe(name);
      expect(typeof pluginJson.info.description).toBe("string");
      expect(pluginJson.info.description.length).toBeGreaterThan(0);
      expect(pluginJson.info.author.name).toBe("TwinOps");
      expect(pluginJson.info.keywords.length).toBeGreaterThanOrEqual(1);
      expect(
        pluginJson.info.keywords.every(
          (k: unknown) => typeof k === "string" && k.length > 0,
        ),
      ).toBe(true);
    });

    it("leaves version and date as the placeholders the build replaces", () => {
      expect(pluginJson.info.version).toBe("%VERSION%");
      expect(pluginJson.info.updated).toBe("%TODAY%");
    });

    it("names logos that exist as SVG files, and screenshots and links that are complete", () => {
      for (const logo of [
        pluginJson.info.logos.small,
        pluginJson.info.logos.large,
      ]) {
        const file = join(src, logo);
        expect([logo, existsSync(file)]).toEqual([logo, true]);
        expect(readFileSync(file, "utf8").trimStart().startsWith("<svg")).toBe(
          true,
        );
      }
      for (const shot of pluginJson.info.screenshots) {
        expect([
          shot.path,
          typeof shot.name,
          existsSync(join(src, shot.path)),
        ]).toEqual([shot.path, "string", true]);
      }
      for (const link of pluginJson.info.links) {
        expect([link.name, /^https?:\/\//.test(link.url)]).toEqual([
          link.name,
          true,
        ]);
      }
    });

    it("requires Grafana >=12.3.0 as a valid semver range, and names plugin dependencies completely", () => {
      const range = pluginJson.dependencies.grafanaDependency;
      expect(range).toBe(">=12.3.0");
      expect(validRange(range)).toBe(">=12.3.0");
      expect([
        satisfies("12.2.9", range),
        satisfies("12.3.0", range),
        satisfies("13.2.2", range),
      ]).toEqual([false, true, true]);
      for (const dependency of pluginJson.dependencies.plugins) {
        expect(Object.keys(dependency).sort()).toEqual([
          "id",
          "name",
          "type",
          "version",
        ]);
        expect(validRange(dependency.version)).not.toBeNull();
      }
    });

    it("is a frontend plugin: no backend, so no executable and no alerting", () => {
      expect(pluginJson.backend ?? false).toBe(false);
      expect(pluginJson.executable).toBeUndefined();
      expect(pluginJson.alerting ?? false).toBe(false);
    });
  });
}

/**
 * Checks the BUILT plugin in dist/ (the root `npm test` builds before testing): Grafana loads
 * module.js through SystemJS as an AMD module and hands it its own React, @grafana/* and rxjs. A
 * bundled copy of any of them is what broke other plugins on Grafana and React upgrades.
 */
// The shared modules Grafana provides (.config/bundler/externals.ts) plus webpack's `module`.
const EXTERNALS = [
  "module",
  "lodash",
  "jquery",
  "moment",
  "slate",
  "emotion",
  "@emotion/react",
  "@emotion/css",
  "prismjs",
  "slate-plain-serializer",
  "@grafana/slate-react",
  "react",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "react-dom",
  "react-redux",
  "redux",
  "rxjs",
  "i18next",
  "react-router",
  "d3",
  "angular",
  "@grafana/ui",
  "@grafana/runtime",
  "@grafana/data",
];

// Text that only a bundled copy of React, @grafana/* or rxjs would carry.
const COPY_MARKERS = [
  "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED",
  "__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE",
  "ReactCurrentDispatcher",
  "react.production",
  "react-dom.production",
  "react.transitional.element",
  "node_modules/react",
  "node_modules/@grafana/",
  "packages/grafana-data/",
  "packages/grafana-ui/",
  "node_modules/rxjs",
];

// Bundled sources of a shared package would appear under these folders in the source map.
const SHARED_PACKAGE =
  /node_modules\/(react|react-dom|scheduler|rxjs|@grafana|@emotion|lodash|moment|i18next)\//;

/** The dist/ checks every plugin of the repository passes; `uses` are externals its module.js must import. */
export function describeBuiltPlugin(dir: string, uses: string[]): void {
  const dist = join(dir, "dist");
  const readDist = (name: string): string => {
    const file = join(dist, name);
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: run \`npm run build\` in ${dir} (the root \`npm test\` does) before this test`,
      );
    }
    return readFileSync(file, "utf8");
  };

  describe("dist/module.js", () => {
    it("is an AMD module whose dependencies are all Grafana-provided externals", () => {
      const code = readDist("module.js");
      const define = /^define\((\[[^\]]*\])\s*,/m.exec(code);
      expect(define).not.toBeNull();
      const deps: string[] = JSON.parse(define![1]);
      expect(deps.filter((dep) => !EXTERNALS.includes(dep))).toEqual([]);
      expect(deps).toEqual(expect.arrayContaining(uses));
    });

    it("contains no copy of React, @grafana/* or rxjs", () => {
      const code = readDist("module.js");
      expect(COPY_MARKERS.filter((marker) => code.includes(marker))).toEqual(
        [],
      );
    });

    it("was built from no file of a shared package (per its source map)", () => {
      const map = JSON.parse(readDist("module.js.map")) as {
        sources: string[];
      };
      expect(map.sources.length).toBeGreaterThan(0);
      expect(
        map.sources.filter((source) => SHARED_PACKAGE.test(source)),
      ).toEqual([]);
    });
  });

  describe("dist/plugin.json", () => {
    it("has the version and date placeholders replaced", () => {
      const text = readDist("plugin.json");
      const built = JSON.parse(text);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      expect(built.info.version).toBe(pkg.version);
      expect(built.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(text.match(/%[A-Z_]+%/g)).toBeNull();
    });

    it("is the source plugin.json built for production, and ships the files it names", () => {
      const built = JSON.parse(readDist("plugin.json"));
      const source = JSON.parse(
        readFileSync(join(dir, "src", "plugin.json"), "utf8"),
      );
      // The scaffold's BuildModeWebpackPlugin records the build mode; a development build must not ship.
      const { buildMode, ...rest } = built;
      expect(buildMode).toBe("production");
      expect({
        ...rest,
        info: { ...built.info, version: "%VERSION%", updated: "%TODAY%" },
      }).toEqual(source);
      expect(
        [
          built.info.logos.small,
          built.info.logos.large,
          "README.md",
          "LICENSE",
        ].filter((f) => !existsSync(join(dist, f))),
      ).toEqual([]);
    });
  });
}
