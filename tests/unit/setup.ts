// A real IndexedDB implementation for Node, so store and sync tests run the same idb code the
// browser does. Each test opens its own database by name.
import 'fake-indexeddb/auto';
