// Vite's `?url` import: the emitted file's URL (the renderer's tsconfig loads no vite/client types).
declare module '*?url' {
  const url: string;
  export default url;
}
