// A real IndexedDB implementation for Node, so store and sync tests run the same idb code the
// browser does. Each test opens its own database by name.
import 'fake-indexeddb/auto';

// The first screen of rows is cached in localStorage for cold starts; tests start without it.
import { afterEach, beforeEach } from 'vitest';
beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());
