/** Every bundled example YAML, by path relative to src/examples (e.g. 'arches/simple.yaml'). */
const modules = import.meta.glob<string>('../../../examples/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const PREFIX = '../../../examples/';

export const BUNDLED_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([key, text]) => [key.slice(PREFIX.length), text]),
);
