// A guarded define: an intranet page that loads the bundle twice (two portlets, two
// URLs) keeps the first definition instead of throwing.

export const define = (tag: string, ctor: CustomElementConstructor): CustomElementConstructor =>
  customElements.get(tag) ?? (customElements.define(tag, ctor), ctor);
