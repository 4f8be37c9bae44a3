// Typings for the parts of @custom-elements-manifest/analyzer that widgets/manifest.ts calls:
// its index.d.ts types the plugin API but not `create`, the `ts` it ships, or its Lit plugins.
declare module '@custom-elements-manifest/analyzer/index.js' {
  import type { InitializeParams, Plugin } from '@custom-elements-manifest/analyzer';
  /** The TypeScript the analyzer was built with (its SyntaxKind numbers are the ones it compares). */
  export const ts: InitializeParams['ts'];
  export function create(options: { modules: ReturnType<InitializeParams['ts']['createSourceFile']>[]; plugins?: Plugin[]; context?: Record<string, unknown> }): unknown;
}

declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  export function litPlugin(): Plugin[];
}
