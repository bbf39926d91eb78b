// Types for the npm packages that ship none, for the parts the site uses.
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
