/**
 * How many of a host's messages are kept before the embed bridge is ready: by the loader
 * while the bridge's code is on its way, and by the bridge until the map is shown (a bound,
 * so a chatty parent cannot grow memory). A constant of its own so the first view, which
 * holds the loader, does not carry the bridge's code.
 */
export const MAX_QUEUED = 100;
