export const SITE_DIR: string;

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

export function startFixtureServer(options?: { root?: string }): Promise<FixtureServer>;
