/**
 * The pages of the current generation, by key, as promises: a page asked for while it is being
 * computed waits for that computation (16 clients asking at once cost one). A newer generation
 * empties it; a failed computation is forgotten. Bounded, oldest out first.
 */
export class DashboardCache<T> {
  private generation = -1;
  private readonly pages = new Map<string, Promise<T>>();

  constructor(private readonly size = 200) {}

  get(generation: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (generation > this.generation) {
      this.generation = generation;
      this.pages.clear();
    } else if (generation < this.generation) {
      // Read before a newer page was cached: computed, not cached.
      return compute();
    }
    const cached = this.pages.get(key);
    if (cached) return cached;
    const page = compute();
    this.pages.set(key, page);
    page.catch(() => this.pages.get(key) === page && this.pages.delete(key));
    if (this.pages.size > this.size) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}
