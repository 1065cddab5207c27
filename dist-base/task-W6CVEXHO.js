#!/usr/bin/env node
import {
  JSONL_LINE_LIMIT,
  runTask
} from "./chunk-X3SMLURU.js";
import "./chunk-2MRPBUD2.js";
export {
  JSONL_LINE_LIMIT,
  runTask
};
