export declare const productionNodeFlags: readonly string[];
export declare const productionNodeEnv: Readonly<Record<string, string>>;
