import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem, StoredOutboxItem } from './outbox.types.ts';

const DB_NAME = 'veza-offline';
const DB_VERSION = 1;

interface OfflineDb extends DBSchema {
  outbox: { key: number; value: OutboxItem; indexes: { byOwner: string } };
}

let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;

function database(): Promise<IDBPDatabase<OfflineDb>> {
  opening ??= openDB<OfflineDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byOwner', 'ownerId');
    },
    // Another tab holds an older version open: close ours so the newer code can upgrade.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** The owner's items, oldest first (the order they were saved in and are sent in). */
export async function readItems(ownerId: string): Promise<StoredOutboxItem[]> {
  const db = await database();
  const items = (await db.getAllFromIndex('outbox', 'byOwner', ownerId)) as StoredOutboxItem[];
  return items.sort((a, b) => a.seq - b.seq);
}

export async function readItem(seq: number): Promise<StoredOutboxItem | undefined> {
  const db = await database();
  return (await db.get('outbox', seq)) as StoredOutboxItem | undefined;
}

export async function addItem(item: OutboxItem): Promise<number> {
  const db = await database();
  const { seq: _ignored, ...fresh } = item;
  return db.add('outbox', fresh as OutboxItem);
}

export async function putItem(item: StoredOutboxItem): Promise<void> {
  const db = await database();
  await db.put('outbox', item);
}

export async function deleteItem(seq: number): Promise<void> {
  const db = await database();
  await db.delete('outbox', seq);
}

/** Deletes every item of one owner; returns how many there were. */
export async function deleteOwnerItems(ownerId: string): Promise<number> {
  const db = await database();
  const tx = db.transaction('outbox', 'readwrite');
  const keys = await tx.store.index('byOwner').getAllKeys(ownerId);
  await Promise.all(keys.map((key) => tx.store.delete(key)));
  await tx.done;
  return keys.length;
}

/** For tests: forget the open connection (each test gets a fresh IndexedDB). */
export function closeDatabaseForTests(): void {
  void opening?.then((db) => db.close());
  opening = null;
}
