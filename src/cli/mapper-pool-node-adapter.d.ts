/** comlink ships types for its Node adapter as node-adapter.d.ts next to the .mjs file. */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/esm/node-adapter';
  export default nodeEndpoint;
}
