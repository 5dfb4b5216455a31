/**
 * The generated item pages, loaded once and ordered by number.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

let cache: CollectionEntry<'items'>[] | undefined;

/** Every item entry in plan order. */
export async function itemEntries(): Promise<CollectionEntry<'items'>[]> {
  cache ??= (await getCollection('items')).sort((a, b) => a.data.number - b.data.number);
  return cache;
}
