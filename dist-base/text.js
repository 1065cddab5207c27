import {
  applySteps,
  explainText,
  fixText,
  scanText
} from "./chunk-KTFOJLAM.js";
export {
  applySteps,
  explainText,
  fixText,
  scanText
};
