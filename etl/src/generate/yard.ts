/**
 * What waits at the port for a ship: transshipment boxes, export boxes and
 * returned empties at each container terminal, ore on the mineral quay. Each
 * pool is a min-heap by the time the cargo is ready, so a ship takes what is
 * ready when it loads; the pools hold days of traffic, not months.
 */
import type { BoxEvent } from "./write-container-events.js";

export interface WaitingBox {
  readonly readyAt: number;
  readonly box: Omit<BoxEvent, "at">;
}

export interface WaitingOre {
  readonly readyAt: number;
  readonly tonnes: number;
}

/** A binary min-heap on `readyAt`; ties keep insertion order, so the result is deterministic. */
class ReadyHeap<T extends { readonly readyAt: number }> {
  readonly #items: { item: T; order: number }[] = [];
  #order = 0;

  get size(): number {
    return this.#items.length;
  }

  push(item: T): void {
    const items = this.#items;
    items.push({ item, order: this.#order++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns every item ready at or before `time`, earliest first. */
  takeReady(time: number): T[] {
    const out: T[] = [];
    while (this.#items.length > 0 && (this.#items[0] as { item: T }).item.readyAt <= time) out.push(this.#pop());
    return out;
  }

  #pop(): T {
    const items = this.#items;
    const top = items[0] as { item: T };
    const last = items.pop() as { item: T; order: number };
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.#less(l, m)) m = l;
        if (r < items.length && this.#less(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top.item;
  }

  #less(a: number, b: number): boolean {
    const x = this.#items[a] as { item: T; order: number };
    const y = this.#items[b] as { item: T; order: number };
    return x.item.readyAt < y.item.readyAt || (x.item.readyAt === y.item.readyAt && x.order < y.order);
  }

  #swap(a: number, b: number): void {
    const items = this.#items;
    const tmp = items[a] as { item: T; order: number };
    items[a] = items[b] as { item: T; order: number };
    items[b] = tmp;
  }
}

export class Yard {
  readonly #boxes = new Map<string, ReadyHeap<WaitingBox>>();
  readonly #ore = new ReadyHeap<WaitingOre>();

  /** A box waiting at a container terminal for the next ship. */
  addBox(terminal: string, waiting: WaitingBox): void {
    let heap = this.#boxes.get(terminal);
    if (!heap) {
      heap = new ReadyHeap<WaitingBox>();
      this.#boxes.set(terminal, heap);
    }
    heap.push(waiting);
  }

  takeBoxes(terminal: string, readyBy: number): WaitingBox[] {
    return this.#boxes.get(terminal)?.takeReady(readyBy) ?? [];
  }

  addOre(waiting: WaitingOre): void {
    this.#ore.push(waiting);
  }

  takeOre(readyBy: number): WaitingOre[] {
    return this.#ore.takeReady(readyBy);
  }

  /** Boxes and ore lots waiting, for progress messages. */
  get waiting(): number {
    let n = this.#ore.size;
    for (const heap of this.#boxes.values()) n += heap.size;
    return n;
  }
}
