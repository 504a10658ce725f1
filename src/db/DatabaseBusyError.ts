// The error now lives with the repositories, whose writes throw it; this path stays
// only until src/discord/InteractionRouter.ts (being rewritten) stops importing it.
export { DatabaseBusyError } from "./repositories/DatabaseBusyError.js";
