// Container health check: exit 0 when the bot wrote a heartbeat recently.
import { defaultHealthFile, isHeartbeatFresh } from "./health/healthFile.js";

const file = process.env.HEALTH_FILE ?? defaultHealthFile();
process.exitCode = isHeartbeatFresh(file, new Date()) ? 0 : 1;
