// The executable (tsup adds the shebang). Everything else lives in main.ts; exit codes are set, never
// forced, so that output still being written drains first.
import { handleError } from './errors.js';
import { main } from './main.js';

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch(handleError);
