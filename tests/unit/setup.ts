// A real IndexedDB implementation for Node, so store and sync tests run the same idb code the
// browser does. Each test opens its own database by name.
import 'fake-indexeddb/auto';

// The first screen of rows and other notes are cached in localStorage; every test starts without
// them. (Files that run in the plain node environment have no localStorage at all.)
import { afterEach, beforeEach } from 'vitest';
const clear = () => (globalThis.localStorage as Storage | undefined)?.clear();
beforeEach(clear);
afterEach(clear);
