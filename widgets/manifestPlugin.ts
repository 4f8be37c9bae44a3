// What the custom-elements analyzer is told beyond its Lit support: a widget's public face is its
// reactive properties (with their attributes), its documented events, parts and CSS properties.
// Dropped: `state: true` properties (rendering state, not inputs), private, protected and
// `#` members, the fetch and live controllers (fields no attribute backs), the nameless event
// of the base class's `emit` helper, and the locals of methods the analyzer takes for module
// variables. Added: each CSS property's default from the styles, and the
// `custom-element-definition` export of each tag (the elements register through `define()`,
// which the analyzer does not follow).
import type { Plugin } from '@custom-elements-manifest/analyzer';

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
}
export interface ManifestField extends Named {
  kind: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string; module?: string };
}
export interface ManifestAttribute extends Named {
  fieldName?: string;
}
export interface ManifestClass extends Named {
  kind: string;
  tagName?: string;
  members?: ManifestField[];
  attributes?: ManifestAttribute[];
  events?: Partial<Named>[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
}
export interface ManifestModule {
  kind: string;
  path: string;
  declarations?: ManifestClass[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
export interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: ManifestModule[];
}

/** `--tally-x: value;` declarations in css`` blocks. */
export const cssDefaults = (source: string): Map<string, string> =>
  new Map([...source.matchAll(/(--tally-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]));

const isPublicField = (m: ManifestField, state: Set<string>): boolean =>
  m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !state.has(m.name) && m.attribute !== undefined;

/** `sharedStyles`: the source of the styles every element adopts; a module's own declarations win. */
export const tallyManifestPlugin = (sharedStyles: string): Plugin => {
  const state = new Map<string, Set<string>>();
  const defaults = new Map<string, Map<string, string>>();
  return {
    name: 'tally-public-api',
    analyzePhase({ ts, node }) {
      if (ts.isSourceFile(node)) defaults.set(node.fileName, new Map([...cssDefaults(sharedStyles), ...cssDefaults(node.getFullText())]));
      if (!ts.isClassDeclaration(node) || !node.name) return;
      // names in `static properties = { … }` declared `state: true`
      const props = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties');
      const init = props && ts.isPropertyDeclaration(props) ? props.initializer : undefined;
      const assignments = init && ts.isObjectLiteralExpression(init) ? init.properties.filter(ts.isPropertyAssignment) : [];
      state.set(node.name.text, new Set(assignments.filter((p) => /\bstate:\s*true\b/.test(p.initializer.getText())).map((p) => p.name.getText())));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of (customElementsManifest as Manifest).modules) {
        const styleDefaults = defaults.get(mod.path) ?? new Map<string, string>();
        mod.declarations = (mod.declarations ?? []).filter((d) => mod.exports?.some((e) => e.declaration.name === d.name));
        for (const d of mod.declarations) {
          if (d.kind !== 'class') continue;
          const classes = [d.name, ...(d.members ?? []).flatMap((m) => (m.inheritedFrom ? [m.inheritedFrom.name] : []))];
          const stateOf = new Set(classes.flatMap((c) => [...(state.get(c) ?? [])]));
          d.members = (d.members ?? []).filter((m) => isPublicField(m, stateOf));
          d.attributes = (d.attributes ?? []).filter((a) => !a.fieldName || d.members!.some((m) => m.name === a.fieldName));
          d.events = (d.events ?? []).filter((e) => e.name);
          d.cssProperties = (d.cssProperties ?? []).map((p) => (styleDefaults.has(p.name) ? { ...p, default: styleDefaults.get(p.name) } : p));
          if (d.tagName && !mod.exports?.some((e) => e.kind === 'custom-element-definition'))
            (mod.exports ??= []).push({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } });
        }
      }
    },
  };
};
