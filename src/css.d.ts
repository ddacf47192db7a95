// Stylesheets imported for esbuild to bundle next to the page's script.
declare module '*.css';
