export declare const stampFile: string;
export declare function inputsDigest(root: string): string;
export declare function isBuildCurrent(root: string, digest: string): boolean;
export declare function build(root: string, digest: string): number;
