/**
 * "Latest wins" for repeated calls (slider drags, typing in a search box): each call gets a
 * ticket; a reply is delivered only if no newer call was made on the same channel meanwhile.
 */
export class Stale extends Error {
  constructor() {
    super('stale');
    this.name = 'Stale';
  }
}

export class LatestWins {
  private tickets = new Map<string, number>();

  /** Runs `fn`; rejects with `Stale` when a newer call on `channel` started before it settled. */
  async run<T>(channel: string, fn: () => Promise<T>): Promise<T> {
    const ticket = (this.tickets.get(channel) ?? 0) + 1;
    this.tickets.set(channel, ticket);
    const result = await fn();
    if (this.tickets.get(channel) !== ticket) throw new Stale();
    return result;
  }
}

export function isStale(e: unknown): boolean {
  return e instanceof Stale;
}
