// Poll load with Azure's own JavaScript SDK (@azure/arm-machinelearning, from tests/js/node_modules):
// CONCURRENCY workers each call jobs.get on JOB in a loop for DURATION_MS, as a scheduler built on the SDK
// would. Prints one JSON line: {"requests","errors","seconds","rate"}.
//
// Environment: EMULATOR_URL, TOKEN (an ARM bearer token minted by the emulator), JOB, CONCURRENCY,
// DURATION_MS, JS_MODULES_DIR (the folder holding node_modules), NODE_EXTRA_CA_CERTS for HTTPS.
import { createRequire } from "node:module";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const require = createRequire(`${env("JS_MODULES_DIR")}/package.json`);
const { AzureMachineLearningWorkspaces } = require("@azure/arm-machinelearning");

const url = env("EMULATOR_URL");
const token = env("TOKEN");
const job = env("JOB");
const concurrency = Number(env("CONCURRENCY"));
const durationMs = Number(env("DURATION_MS"));

const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600 * 1000 }) };
const client = new AzureMachineLearningWorkspaces(credential, "00000000-1111-2222-3333-444444444444", {
  endpoint: url,
  credentialScopes: ["https://management.azure.com/.default"],
  apiVersion: "2024-10-01",
  // Plain HTTP to the loopback emulator (the HTTP half of the comparison); HTTPS ignores this.
  allowInsecureConnection: url.startsWith("http:"),
});
if (url.startsWith("http:")) {
  // The SDK's bearer policy refuses plain HTTP; send the same header from a policy of our own.
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "benchBearer",
    sendRequest: (request, next) => {
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    },
  });
}

let requests = 0;
let errors = 0;
let firstError = "";
// Warm up: one call per worker opens the connections outside the timed window.
await Promise.all(Array.from({ length: concurrency }, () => client.jobs.get("test-rg", "my-aml-workspace", job)));
const start = process.hrtime.bigint();
const end = start + BigInt(durationMs) * 1000000n;
async function worker() {
  while (process.hrtime.bigint() < end) {
    try {
      await client.jobs.get("test-rg", "my-aml-workspace", job);
      ++requests;
    } catch (e) {
      ++errors;
      if (!firstError) firstError = String(e && e.message ? e.message : e);
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ requests, errors, seconds, rate: requests / seconds, firstError }));
