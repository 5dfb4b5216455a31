declare module 'virtual:client-scripts' {
  /** Hashed paths (relative to the site root) of the classic client scripts. */
  const scripts: { search: string };
  export default scripts;
}
