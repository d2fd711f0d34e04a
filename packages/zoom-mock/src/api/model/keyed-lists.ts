/**
 * The list `lists` keeps under `key`, created empty (and kept) on first use: for records grouped
 * by their owner, such as a meeting's polls or a user's templates.
 */
export function listUnder<Key, Item>(lists: Map<Key, Item[]>, key: Key): Item[] {
  let list = lists.get(key);
  if (list === undefined) {
    list = [];
    lists.set(key, list);
  }
  return list;
}
