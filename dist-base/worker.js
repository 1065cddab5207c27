#!/usr/bin/env node
import {
  changeLine,
  githubLine
} from "./chunk-KPLGKXFT.js";
import {
  runTask
} from "./chunk-X3SMLURU.js";
import {
  watchTempFiles
} from "./chunk-2MRPBUD2.js";

// src/cli/worker.ts
import { parentPort } from "worker_threads";
var PROGRESS_STEP = 1 << 20;
var port = parentPort;
var send = (message, transfer = []) => port.postMessage(message, transfer);
var utf8 = new TextEncoder();
var unreported = 0;
var onBytes = (count) => {
  unreported += count;
  if (unreported >= PROGRESS_STEP) {
    send({ type: "progress", bytes: unreported });
    unreported = 0;
  }
};
watchTempFiles((path, exists) => send({ type: "temp", path, exists }));
var queue = [];
var running = false;
port.on("message", async (message) => {
  queue.push(message);
  if (running) return;
  running = true;
  while (queue.length > 0) await work(queue.shift());
  running = false;
});
async function work({ id, task }) {
  try {
    const result = await runTask(task, { write: null, stdin: null, onBytes, onChanges: null, blocking: true });
    const transfer = [];
    if (task.action === "check" && task.format !== "json" && result.changes.length > 0) {
      const line = task.format === "github" ? githubLine : changeLine;
      result.report = utf8.encode(result.changes.map((change) => `${line(result.display, change)}
`).join(""));
      transfer.push(result.report.buffer);
      result.changes = [];
    }
    if (unreported > 0) send({ type: "progress", bytes: unreported });
    unreported = 0;
    send({ type: "result", id, result }, transfer);
  } catch (error) {
    send({ type: "crash", id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
}
