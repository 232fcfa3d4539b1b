export const KNOWN_FAILURES: Readonly<Record<string, string>> = {};
