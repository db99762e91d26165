// Run by emulator-sdk.test.mjs (it sets EMULATOR_URL and NODE_EXTRA_CA_CERTS): the official
// @azure/arm-machinelearning client against the emulator over HTTPS, pointed at it through the
// `endpoint` option, with a static token minted by the emulator's admin API.
import { test } from "node:test";
import assert from "node:assert/strict";
import sdk from "@azure/arm-machinelearning";

const { AzureMachineLearningWorkspaces } = sdk;
const url = process.env.EMULATOR_URL;
if (!url) throw new Error("EMULATOR_URL is not set: run emulator-sdk.test.mjs, which starts the emulator");

const subscription = "00000000-1111-2222-3333-444444444444";
const resourceGroup = "test-rg";
const workspace = "my-aml-workspace";

async function admin(path, init = {}) {
  const response = await fetch(`${url}/_admin/${path}`, init);
  assert.equal(response.status, 200, `admin ${path}`);
  return response.json();
}

async function mint(audience) {
  const body = await admin("tokens", { method: "POST", body: JSON.stringify({ audience }) });
  return body.access_token;
}

const armToken = await mint("https://management.azure.com");
const mlToken = await mint("https://ml.azure.com");
const credential = {
  getToken: async () => ({ token: armToken, expiresOnTimestamp: Date.now() + 3600 * 1000 }),
};
const client = new AzureMachineLearningWorkspaces(credential, subscription, {
  endpoint: url,
  credentialScopes: ["https://management.azure.com/.default"],
  apiVersion: "2024-10-01",
});

const pipeline = (identity) => ({
  properties: {
    jobType: "Pipeline",
    displayName: "SDK pipeline run",
    experimentName: "js-sdk",
    identity,
    tags: { "created-by": "js-sdk-test" },
    inputs: { learning_rate: { jobInputType: "literal", value: "0.02" } },
    outputs: { model: { jobOutputType: "uri_folder", mode: "ReadWriteMount" } },
    jobs: {
      train: {
        type: "command",
        component: "azureml:train:1",
        inputs: { lr: { job_input_type: "literal", value: "${{parent.inputs.learning_rate}}" } },
        outputs: { model: "${{parent.outputs.model}}" },
      },
    },
    settings: { continue_on_step_failure: false },
  },
});

test("lists every job, following nextLink across pages", async () => {
  await admin("journal", { method: "DELETE" });
  const names = [];
  for await (const job of client.jobs.list(resourceGroup, workspace, { jobType: "Pipeline" })) names.push(job.name);
  assert.equal(names.length, 13);
  assert.ok(names.includes("train-pipeline-template"));
  assert.ok(names.includes("generated-job-000010"));
  const journal = await admin("journal?route=jobs.list");
  assert.equal(journal.length, 4, "13 jobs in pages of 4");
  assert.ok(journal.slice(1).every((entry) => entry.query.includes("$skip=")));
  assert.ok(journal.every((entry) => entry.query.includes("api-version=2024-10-01")));
});

test("gets a template with its typed inputs", async () => {
  const job = await client.jobs.get(resourceGroup, workspace, "train-pipeline-template");
  assert.equal(job.name, "train-pipeline-template");
  assert.equal(job.properties.jobType, "Pipeline");
  assert.equal(job.properties.status, "Completed");
  assert.equal(job.properties.inputs.learning_rate.jobInputType, "literal");
  assert.equal(job.properties.inputs.learning_rate.value, "0.01");
  assert.match(job.properties.services.Studio.endpoint, /\/runs\/train-pipeline-template\?wsid=/);
});

test("creates a pipeline job (201), and the same PUT again answers the same job", async () => {
  const created = await client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-run-1", pipeline({ identityType: "AMLToken" }));
  assert.equal(created.name, "js-sdk-run-1");
  assert.equal(created.properties.status, "Preparing");
  assert.equal(created.properties.outputs.model.uri, null, "Azure leaves an output without a path null");
  const again = await client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-run-1", pipeline({ identityType: "AMLToken" }));
  assert.equal(again.name, "js-sdk-run-1");
  const puts = await admin("journal?route=jobs.put");
  assert.deepEqual(puts.map((entry) => entry.status), [201, 200]);
  assert.equal(puts[0].headers.Authorization, "Bearer ***");
});

test("a job running as its submitter takes x-azureml-token when sent, and is accepted without it", async () => {
  await assert.rejects(
    client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-run-2", pipeline(undefined),
      { requestOptions: { customHeaders: { "x-azureml-token": armToken } } }),
    (error) => error.statusCode === 401);
  const created = await client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-run-2", pipeline(undefined),
    { requestOptions: { customHeaders: { "x-azureml-token": mlToken } } });
  assert.equal(created.name, "js-sdk-run-2");
  const unsigned = await client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-run-3", pipeline(undefined));
  assert.equal(unsigned.name, "js-sdk-run-3");
});

test("the service's refusals reach the SDK as ARM errors", async () => {
  const body = pipeline({ identityType: "AMLToken" });
  body.properties.inputs.epochs = { jobInputType: "literal", value: "5" };
  await assert.rejects(
    client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-bad", body),
    (error) => error.statusCode === 400 && error.code === "InputNotFound");
});

test("cancels a pipeline job", async () => {
  await client.jobs.createOrUpdate(resourceGroup, workspace, "js-sdk-cancel", pipeline({ identityType: "AMLToken" }));
  await client.jobs.beginCancelAndWait(resourceGroup, workspace, "js-sdk-cancel", { updateIntervalInMs: 100 });
  const job = await client.jobs.get(resourceGroup, workspace, "js-sdk-cancel");
  assert.ok(["CancelRequested", "Canceled"].includes(job.properties.status), job.properties.status);
  const cancels = await admin("journal?route=jobs.cancel");
  assert.equal(cancels[0].status, 200, "Azure answers a cancel 200 with an empty body");
});
