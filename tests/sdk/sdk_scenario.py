"""Azure's own Python SDK (azure-ai-ml, Debian's python3-azure) against azureml-emulator, then the plugin
(through polysync-host-stub) on the same emulator, and the two PUT bodies compared.

Usage: sdk_scenario.py EMULATOR_EXE HOST_STUB_EXE PLUGIN_DIR
Exit 77 (ctest: skipped) when azure-ai-ml cannot be imported (scripts/install-deps installs python3-azure).

What it shows, as an ML engineer would meet it: jobs.list follows nextLink; every seeded template reads into a
PipelineJob; the resubmission an engineer writes (get, rename, change an input, create_or_update) passes the
SDK's own validation and the service's; jobs.stream follows a run to completion and raises a failed run's step
error; jobs.list(parent_job_name=...) lists the steps from Run History; begin_cancel ends with the run Canceled;
an unknown name is ResourceNotFoundError. See docs/emulator-fidelity.md for what the PUT comparison allows.
"""
import io
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # the pydash stand-in

try:
    from azure.ai.ml import Input, MLClient  # noqa: F401
    from azure.ai.ml.entities import PipelineJob
    from azure.core.credentials import AccessToken
    from azure.core.exceptions import ResourceNotFoundError
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"SKIPPED: azure-ai-ml is not importable ({error}); install python3-azure (scripts/install-deps)")
    sys.exit(77)

SUBSCRIPTION = "00000000-1111-2222-3333-444444444444"
RESOURCE_GROUP = "test-rg"
WORKSPACE = "my-aml-workspace"
TENANT = "11111111-2222-3333-4444-555555555555"
TEMPLATES = ["train-pipeline-template", "batch-score-template", "data-validation-template"]
JOB_TYPE = "AI Foundry Pipeline Job"
PAGE_SIZE = 2
GENERATED = 3

EMULATOR_EXE, HOST_EXE, PLUGIN_DIR = (sys.argv[1:4] + [None, None, None])[:3]
del sys.argv[1:4]


class Emulator:
    """azureml-emulator as a child process (HTTPS, its built-in demo workspace, a fast run clock)."""

    def __init__(self, workdir):
        self.workdir = workdir
        port_file = os.path.join(workdir, "port")
        self.ca = os.path.join(workdir, "ca.pem")
        self.log = open(os.path.join(workdir, "emulator.log"), "wb")
        self.process = subprocess.Popen(
            [EMULATOR_EXE, "--port-file", port_file, "--ca-cert-out", self.ca, "--step-ms", "300",
             "--page-size", str(PAGE_SIZE), "--generate-jobs", str(GENERATED), "--no-throttle"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        port = ""
        while not port:
            if self.process.poll() is not None or time.time() > deadline:
                raise RuntimeError("azureml-emulator did not start; see " + self.log.name)
            time.sleep(0.02)
            if os.path.exists(port_file):
                with open(port_file) as text:
                    port = text.read().strip()
        self.url = "https://127.0.0.1:" + port
        self.tls = ssl.create_default_context(cafile=self.ca)

    def admin(self, path, body=None, method=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + "/_admin/" + path, data=data, method=method)
        with urllib.request.urlopen(request, context=self.tls, timeout=30) as reply:
            text = reply.read().decode()
        return json.loads(text) if text else None

    def journal(self, route):
        return self.admin("journal?route=" + route)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class EmulatorCredential:
    """The SDK's credential: any object with get_token(*scopes). Tokens are minted by the emulator for the
    scope's resource, as Entra ID would issue them."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.calls = []

    def get_token(self, *scopes, **kwargs):
        resource = scopes[0][: -len("/.default")] if scopes[0].endswith("/.default") else scopes[0]
        self.calls.append(resource)
        token = self.emulator.admin("tokens", {"audience": resource})["access_token"]
        return AccessToken(token, int(time.time()) + 3600)


def without_nulls(value):
    """ARM reads a null member as an absent one; the comparison does too (docs/emulator-fidelity.md)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


class AzureSdkAgainstEmulator(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.workdir = tempfile.mkdtemp(prefix="azureml-emulator-sdk-")
        cls.emulator = Emulator(cls.workdir)
        # azure-ai-ml 1.4.0 takes its Resource Manager endpoint from this variable (base_url is ignored) and,
        # through requests, trusts the CA bundle REQUESTS_CA_BUNDLE names.
        os.environ["AZUREML_DEV_URL_MFE"] = cls.emulator.url
        os.environ["REQUESTS_CA_BUNDLE"] = cls.emulator.ca
        cls.credential = EmulatorCredential(cls.emulator)
        cls.ml = MLClient(cls.credential, SUBSCRIPTION, RESOURCE_GROUP, WORKSPACE)

    @classmethod
    def tearDownClass(cls):
        cls.emulator.stop()
        if os.environ.get("SDK_TEST_KEEP") is None:
            shutil.rmtree(cls.workdir, ignore_errors=True)
        else:
            print("kept", cls.workdir)

    def wait_for_status(self, name, wanted, timeout=60):
        deadline = time.time() + timeout
        status = None
        while time.time() < deadline:
            status = self.ml.jobs.get(name).status
            if status in wanted:
                return status
            time.sleep(0.2)
        self.fail(f"{name} is still {status}, not one of {wanted}, after {timeout} s")

    def resubmit(self, template, new_name, **inputs):
        job = self.ml.jobs.get(template)
        job.name = new_name
        for key, value in inputs.items():
            setattr(job.inputs, key, value)
        return self.ml.jobs.create_or_update(job)

    # The tests run in name order (unittest sorts them); each stands on its own emulator state.

    def test_01_list_follows_next_link_and_reads_every_job(self):
        self.emulator.admin("journal", method="DELETE")
        jobs = list(self.ml.jobs.list())
        # The SDK drops a job it cannot parse (None); every one must be a PipelineJob.
        self.assertEqual(len(jobs), len(TEMPLATES) + GENERATED)
        self.assertTrue(all(isinstance(job, PipelineJob) for job in jobs), [type(j).__name__ for j in jobs])
        self.assertEqual({job.name for job in jobs} & set(TEMPLATES), set(TEMPLATES))
        pages = self.emulator.journal("jobs.list")
        self.assertEqual(len(pages), 3, "6 jobs in pages of 2")
        self.assertTrue(all("$skip=" in page["query"] for page in pages[1:]))

    def test_02_get_reads_every_template_into_a_pipeline_job(self):
        for name in TEMPLATES:
            with self.subTest(template=name):
                job = self.ml.jobs.get(name)
                self.assertIsInstance(job, PipelineJob)
                self.assertEqual(job.name, name)
                self.assertTrue(job.jobs, "the steps are read")
                for step_name, step in job.jobs.items():
                    self.assertEqual(step.name, step_name)
                    # The SDK reads the componentId (an ARM id) back as NAME:VERSION.
                    self.assertRegex(str(step.component), r"^[a-z_]+:\d+$")
                self.assertIn("wsid=/subscriptions/", job.studio_url)
        train = self.ml.jobs.get("train-pipeline-template")
        self.assertEqual(str(train.jobs["prep_data"].component), "prep_churn_data:4")
        self.assertEqual(train.inputs.learning_rate._data, "0.01")
        self.assertEqual(train.status, "Completed")
        self.assertEqual(self.ml.jobs.get("data-validation-template").status, "Failed")

    def test_03_unknown_job_is_resource_not_found(self):
        with self.assertRaises(ResourceNotFoundError):
            self.ml.jobs.get("no-such-job-anywhere")

    def test_04_resubmission_with_a_new_name_and_a_changed_input(self):
        self.emulator.admin("journal", method="DELETE")
        created = self.resubmit("train-pipeline-template", "sdk-resubmit-1", learning_rate=0.02)
        self.assertEqual(created.name, "sdk-resubmit-1")
        self.assertEqual(created.status, "Preparing")
        puts = self.emulator.journal("jobs.put")
        self.assertEqual([p["status"] for p in puts], [201])
        sent = json.loads(puts[0]["body"])["properties"]
        self.assertEqual(sent["inputs"]["learning_rate"]["value"], "0.02")
        self.assertNotIn("x-azureml-token", puts[0]["headers"], "identity null: 1.4.0 sends no user token")
        # What the SDK read before the submit: the compute and the datastore it resolves.
        routes = {entry["route"] for entry in self.emulator.admin("journal")}
        self.assertIn("computes.get", routes)

    def test_05_resubmission_without_a_name_gets_one_from_the_sdk(self):
        job = self.ml.jobs.get("batch-score-template")
        job.name = None
        job.inputs.batch_size = 256
        created = self.ml.jobs.create_or_update(job)
        self.assertTrue(created.name and created.name != "batch-score-template", created.name)
        self.assertEqual(self.ml.jobs.get(created.name).inputs.batch_size._data, "256")

    def test_06_stream_follows_a_run_to_completion(self):
        name = self.resubmit("train-pipeline-template", "sdk-stream-ok", epochs=3).name
        out = io.StringIO()
        with redirect_stdout(out):
            self.ml.jobs.stream(name)
        self.assertIn("RunId: sdk-stream-ok", out.getvalue())
        self.assertEqual(self.ml.jobs.get(name).status, "Completed")

    def test_07_stream_of_a_failed_run_raises_the_step_error(self):
        job = self.ml.jobs.get("data-validation-template")
        job.name = "sdk-stream-failed"
        job.tags = {**job.tags, "emulator.behavior": "fail"}
        self.ml.jobs.create_or_update(job)
        with redirect_stdout(io.StringIO()):
            with self.assertRaises(Exception) as raised:
                self.ml.jobs.stream("sdk-stream-failed")
        self.assertIn("customer_tenure_days", str(raised.exception))
        self.assertEqual(self.ml.jobs.get("sdk-stream-failed").status, "Failed")

    def test_08_list_children_of_a_pipeline(self):
        children = list(self.ml.jobs.list(parent_job_name="train-pipeline-template"))
        self.assertEqual([c.display_name for c in children], ["prep_data", "train_model", "evaluate_model"])
        self.assertTrue(all(c.status == "Completed" for c in children), [c.status for c in children])

    def test_09_begin_cancel_ends_with_the_run_canceled(self):
        name = self.resubmit("batch-score-template", "sdk-cancel-1").name
        poller = self.ml.jobs.begin_cancel(name)
        poller.result(timeout=60)
        self.assertTrue(poller.done())
        self.assertEqual(self.wait_for_status(name, {"Canceled"}), "Canceled")
        cancels = self.emulator.journal("jobs.cancel")
        self.assertEqual(cancels[-1]["status"], 200)

    def test_10_the_plugin_sends_the_pipeline_definition_the_sdk_sends(self):
        if not HOST_EXE or not PLUGIN_DIR:
            self.skipTest("give the polysync-host-stub binary and the plugin directory")
        self.emulator.admin("journal", method="DELETE")
        self.resubmit("train-pipeline-template", "sdk-compare-1", learning_rate=0.02, epochs=20)
        platform = os.path.join(self.workdir, "platform.json")
        with open(platform, "w") as out:
            json.dump({"Subscription Id": SUBSCRIPTION, "Resource Group Name": RESOURCE_GROUP,
                       "Workspace Name": WORKSPACE, "Authentication Method": "Service Principal",
                       "Tenant Id": TENANT, "Client Id": "aaaaaaaa-0000-4000-8000-000000000001",
                       "Client Secret": "demo-client-secret", "Resource Manager Endpoint": self.emulator.url,
                       "Authority Host": self.emulator.url, "CA Bundle Path": self.emulator.ca}, out)
        result = subprocess.run(
            [HOST_EXE, "--json", "--plugin-dir", PLUGIN_DIR, "--platform", platform, "run", "--job-type", JOB_TYPE,
             "--external-id", "train-pipeline-template", "--name", "plugin-compare",
             "--param", "learning_rate:Float=0.02", "--param", "epochs:Int=20"],
            capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        puts = self.emulator.journal("jobs.put")
        self.assertEqual(len(puts), 2, [p["path"] for p in puts])
        sdk, plugin = (json.loads(p["body"])["properties"] for p in puts)
        # azure-ai-ml 1.4.0 drops a pipeline input's description when it reads a job back; the plugin keeps the
        # template's. Descriptions aside, the inputs must be the same.
        self.assertEqual(plugin["inputs"]["training_data"].get("description"), "Raw churn events")
        self.assertNotIn("description", sdk["inputs"]["training_data"])
        plugin["inputs"] = {k: {m: v for m, v in i.items() if m != "description"} for k, i in plugin["inputs"].items()}
        for field in ("jobs", "settings", "inputs", "computeId", "jobType", "experimentName"):
            with self.subTest(field=field):
                self.assertEqual(without_nulls(plugin.get(field)), without_nulls(sdk.get(field)))
        with open(os.path.join(self.workdir, "put-bodies.json"), "w") as out:
            json.dump({"sdk": sdk, "plugin": plugin}, out, indent=1, sort_keys=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
