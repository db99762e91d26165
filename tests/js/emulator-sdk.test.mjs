// Starts azureml-emulator (HTTPS) and runs sdk-scenario.mjs against it with Azure's own JavaScript SDK.
// NODE_EXTRA_CA_CERTS is read when node starts, so the scenario runs in a child node that gets the
// emulator's freshly written CA in its environment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.AZUREML_EMULATOR;

async function waitForFile(path, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const text = readFileSync(path, "utf8").trim();
      if (text) return text;
    }
    await sleep(20);
  }
  throw new Error(`azureml-emulator did not write ${path} within ${timeoutMs} ms`);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
}

test("Azure's JavaScript SDK lists, gets, creates and cancels pipeline jobs on the emulator",
     { skip: binary ? false : "set AZUREML_EMULATOR to the azureml-emulator binary", timeout: 120000 },
     async () => {
  const dir = mkdtempSync(join(tmpdir(), "azureml-emulator-js-"));
  const portFile = join(dir, "port");
  const caFile = join(dir, "ca.pem");
  // Small pages and extra jobs, so listing must follow nextLink several times.
  const emulator = spawn(binary, ["--port-file", portFile, "--ca-cert-out", caFile, "--page-size", "4",
                                  "--generate-jobs", "10", "--generate-from", "batch-score-template",
                                  "--cancel-retry-after", "1", "--step-ms", "1000"],
                         { stdio: ["ignore", "inherit", "inherit"] });
  try {
    const port = await waitForFile(portFile);
    // NODE_TEST_CONTEXT would make the child's test runner think it is nested and skip its file.
    const { NODE_TEST_CONTEXT, ...environment } = process.env;
    const result = await run(process.execPath, ["--test", join(here, "sdk-scenario.mjs")], {
      ...environment,
      NODE_EXTRA_CA_CERTS: caFile,
      EMULATOR_URL: `https://127.0.0.1:${port}`,
    });
    assert.equal(result.code, 0, "the SDK scenario failed (see its output above)");
  } finally {
    emulator.kill("SIGTERM");
    await new Promise((resolve) => emulator.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
