import { ExportRepository } from "../../src/db/repositories/ExportRepository.js";

/**
 * An export repository that runs `between` (once) when an export asks for its second batch of members: other
 * interactions, mid-export. Tests pass it to the harness with `exportRepository`.
 */
export class InterleavedExportRepository extends ExportRepository {
  between: (() => Promise<void>) | undefined;

  override async members(...args: Parameters<ExportRepository["members"]>) {
    const [, afterId] = args;
    const between = this.between;
    if (afterId > 0 && between !== undefined) {
      this.between = undefined;
      await between();
    }
    return super.members(...args);
  }
}
