// Container health check: exit 0 when the bot wrote a heartbeat recently.
import { healthFileOf, isHeartbeatFresh } from "./health/healthFile.js";

const file = healthFileOf(process.env);
process.exitCode = isHeartbeatFresh(file, new Date()) ? 0 : 1;
