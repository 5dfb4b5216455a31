declare module 'virtual:client-scripts' {
  /** Hashed paths (relative to the site root) of the classic client script and the stylesheets loaded on demand. */
  const scripts: { search: string; print: string; printDocument: string; care: string };
  export default scripts;
}
