/** Stylesheets bundled as text (web/build.ts: loader `text` for .css). */
declare module '*.css' {
  const text: string;
  export default text;
}
