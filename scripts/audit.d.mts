export declare const FAILING: Set<string>;
export declare function verdict(report: unknown): {
  status: 'ok' | 'fail' | 'unavailable';
  counts: Record<string, number>;
  failing: string[];
  lines: string[];
};
