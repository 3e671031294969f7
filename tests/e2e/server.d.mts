export const SITE_DIR: string;
export const PROVIDERS_DIR: string;
export const PROVIDER_IDS: readonly string[];

export type ProviderId = 'google-news' | 'gdelt' | 'bing-news' | 'wikipedia';
export type Fault = '429' | '500' | 'hang' | 'malformed' | 'hostile' | 'empty' | 'huge';
export const HUGE_BODY_BYTES: number;

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set for requests to an emulated provider endpoint. */
  provider?: ProviderId;
}

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  clearLog(): void;
  setFault(provider: ProviderId, fault: Fault | null): void;
  /** Faults off and the first response set again. */
  clearFaults(): void;
  /** News providers answer from `providers/<name>/<story>/` where it has the file (null: the first set). */
  setResponseSet(name: string | null): void;
  /** Every provider answers `ms` later from now on (0: at once). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export function startFixtureServer(options?: { root?: string; port?: number; delayMs?: number }): Promise<FixtureServer>;
export function findFreePort(): Promise<number>;
