/**
 * Components register what they must finish before the service can take traffic (opening the event store,
 * catching up projections, connecting to the broker). `/health` answers 200 only when all are ready.
 */
export class Readiness {
  private readonly components = new Map<string, { ready: boolean; detail?: string }>();

  register(component: string): void {
    if (!this.components.has(component)) this.components.set(component, { ready: false });
  }

  markReady(component: string, detail?: string): void {
    this.components.set(component, { ready: true, detail });
  }

  markNotReady(component: string, detail: string): void {
    this.components.set(component, { ready: false, detail });
  }

  get isReady(): boolean {
    return [...this.components.values()].every((state) => state.ready);
  }

  snapshot(): Record<string, { ready: boolean; detail?: string }> {
    return Object.fromEntries(this.components);
  }
}
