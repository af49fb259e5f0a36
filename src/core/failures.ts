/** The failures `check` reports: where in the inputs, and what to write instead. */

/** One thing wrong with the inputs. */
export interface CheckFailure {
  /** The property path, e.g. `logConfigurations[1].logLevel`. */
  property: string;
  /** What is wrong and what to write instead. */
  reason: string;
}

/** The one collector a reading of inputs adds its failures to, in the order found. */
export class FailureCollector {
  private readonly found: CheckFailure[] = [];

  add(property: string, reason: string): void {
    this.found.push({ property, reason });
  }

  /** How many failures were found so far: lets a reader tell whether a part added any. */
  get count(): number {
    return this.found.length;
  }

  get failures(): readonly CheckFailure[] {
    return this.found;
  }
}
