export const ROOT: string;
export function buildForFixtures(options: { origin: string; outDir: string; browser?: 'chrome' | 'firefox' }): Promise<string>;
