// Replay of real Azure traffic (tests/data/recorded/, recorded by Azure's own SDK test suites) to the real
// plugin, loaded and driven through the C ABI as a host does. A loopback server answers with the recorded
// replies (status, headers, gzip and chunked framing as recorded, body as recorded), the workspace and
// discovery replies with their hosts rewritten to the server, so Run History is served whichever discovery
// key (`api` or `history`) the plugin reads. Every expectation is read from the recording with Poco,
// independently of the plugin's own decoders; the only fixed knowledge is the contract's status table
// (docs/azure-contract.md, "Statuses and their mapping").
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "CRequests.h"
#include "PluginLoader.h"
#include "Recording.h"
#include "RecordingSinks.h"
#include "ReplayServer.h"
#include "TestCallContext.h"
#include "TestHost.h"
#include "common/JsonView.h"

namespace replay {
namespace {

using abitest::KvList;
using abitest::RecordedStatus;
using Poco::JSON::Object;

// The recordings' workspace (sanitised names); the subscription id is the recorded one made a full GUID,
// which the plugin requires. The server routes on path suffixes, so the ids need not match the recordings.
constexpr const char* kSubscription = "00000000-0000-0000-0000-000000000000";
constexpr const char* kResourceGroup = "00000";
constexpr const char* kWorkspace = "00000";
constexpr const char* kSecret = "replay-client-secret-never-shown";

Object::Ptr parseObject(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Object::Ptr>();
}

std::string stringAt(const Object::Ptr& object, const std::string& key) {
  if (!object || !object->has(key) || object->isNull(key)) return {};
  return object->getValue<std::string>(key);
}

// Milliseconds since the epoch of an ISO 8601 time as Azure writes it: "2022-09-08T16:21:50.638805+00:00",
// "…Z", up to 7 fractional digits (truncated to milliseconds).
std::int64_t epochMs(const std::string& text) {
  std::tm tm{};
  int fractionDigits = 0;
  std::int64_t fractionMs = 0;
  if (text.size() < 19) throw std::runtime_error("not a time: " + text);
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(8, 2));
  tm.tm_hour = std::stoi(text.substr(11, 2));
  tm.tm_min = std::stoi(text.substr(14, 2));
  tm.tm_sec = std::stoi(text.substr(17, 2));
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at, ++fractionDigits)
      if (fractionDigits < 3) fractionMs = fractionMs * 10 + (text[at] - '0');
    for (int d = fractionDigits; d < 3; ++d) fractionMs *= 10;
  }
  std::int64_t offsetMinutes = 0;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    offsetMinutes = std::stoi(text.substr(at + 1, 2)) * 60 + std::stoi(text.substr(at + 4, 2));
    if (text[at] == '-') offsetMinutes = -offsetMinutes;
  }
  return (static_cast<std::int64_t>(timegm(&tm)) - offsetMinutes * 60) * 1000 + fractionMs;
}

// The contract's mapping of Azure's status to the Polysync state (docs/azure-contract.md).
std::int32_t expectedState(const std::string& azureStatus) {
  static const std::map<std::string, std::int32_t> table = {
      {"notstarted", PSJ_STATE_STARTING},   {"starting", PSJ_STATE_STARTING},
      {"provisioning", PSJ_STATE_STARTING}, {"preparing", PSJ_STATE_STARTING},
      {"queued", PSJ_STATE_STARTING},       {"running", PSJ_STATE_RUNNING},
      {"finalizing", PSJ_STATE_RUNNING},    {"cancelrequested", PSJ_STATE_RUNNING},
      {"completed", PSJ_STATE_SUCCESS},     {"failed", PSJ_STATE_FAILED},
      {"canceled", PSJ_STATE_CANCELLED}};
  std::string lower;
  for (char c : azureStatus) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto it = table.find(lower);
  return it == table.end() ? PSJ_STATE_UNKNOWN : it->second;
}

bool isTerminal(std::int32_t state) { return PSJ_STATE_IS_TERMINAL(state); }

// A pipeline job reply of the recordings (a GET's 200 or a PUT's 201), with where it came from.
struct RecordedJob {
  std::string file;
  Exchange exchange;
  Object::Ptr resource;
  std::string name() const { return stringAt(resource, "name"); }
  Object::Ptr properties() const { return resource->getObject("properties"); }
  std::string status() const { return stringAt(properties(), "status"); }
};

const std::vector<std::string> kPythonRecordings = {
    "pipeline_get_child_run.json", "pipeline_download_canceled.json", "import_pipeline_submit.json",
    "pipeline_put_component_not_found.json"};

std::vector<RecordedJob> recordedPipelineJobs() {
  std::vector<RecordedJob> jobs;
  for (const std::string& file : kPythonRecordings) {
    for (const Exchange& e : loadRecording(file)) {
      if (e.status / 100 != 2 || e.responseBody.empty() || e.path().find("/jobs/") == std::string::npos)
        continue;
      const Object::Ptr resource = parseObject(e.responseBody);
      const Object::Ptr properties = resource->getObject("properties");
      if (!properties || stringAt(properties, "jobType") != "Pipeline") continue;
      jobs.push_back(RecordedJob{file, e, resource});
    }
  }
  return jobs;
}

// The exchange of `file` with this method whose path ends with `suffix`.
Exchange recorded(const std::string& file, const std::string& method, const std::string& suffix) {
  for (const Exchange& e : loadRecording(file)) {
    const std::string path = e.path();
    if (e.method == method && path.size() >= suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return e;
  }
  throw std::runtime_error("no " + method + " …" + suffix + " in " + file);
}

// Start/end time the plugin should report for a recorded job: the job's own fields, else (terminal only)
// the stages key, else (terminal only) the Run History run served for it.
struct Times {
  std::optional<std::int64_t> start, end;
};
Times expectedTimes(const RecordedJob& job, const Object::Ptr& runHistoryRun) {
  Times t;
  const Object::Ptr p = job.properties();
  if (!stringAt(p, "startTime").empty()) t.start = epochMs(stringAt(p, "startTime"));
  if (!stringAt(p, "endTime").empty()) t.end = epochMs(stringAt(p, "endTime"));
  if (!isTerminal(expectedState(job.status()))) return t;
  const Object::Ptr server = p->getObject("properties");
  const std::string stages = stringAt(server, "azureml.pipelines.stages");
  if (!stages.empty()) {
    const Object::Ptr execution = parseObject(stages)->getObject("Execution");
    if (!t.start && !stringAt(execution, "StartTime").empty())
      t.start = epochMs(stringAt(execution, "StartTime"));
    if (!t.end && !stringAt(execution, "EndTime").empty()) t.end = epochMs(stringAt(execution, "EndTime"));
  }
  if (runHistoryRun) {
    if (!t.start && !stringAt(runHistoryRun, "startTimeUtc").empty())
      t.start = epochMs(stringAt(runHistoryRun, "startTimeUtc"));
    if (!t.end && !stringAt(runHistoryRun, "endTimeUtc").empty())
      t.end = epochMs(stringAt(runHistoryRun, "endTimeUtc"));
  }
  return t;
}

void expectNear(const std::optional<std::int64_t>& actual, const std::optional<std::int64_t>& expected,
                const char* what) {
  ASSERT_EQ(actual.has_value(), expected.has_value()) << what;
  if (expected) {
    EXPECT_LE(std::llabs(*actual - *expected), 1) << what;  // ms rounding of 7-digit fractions
  }
}

// Key and value-type structure of a JSON value, e.g. {a:string,b:{c:null}}: "same shape" means equal text.
std::string shapeOf(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "null";
  if (v.type() == typeid(Object::Ptr)) {
    std::string out = "{";
    const Object::Ptr object = v.extract<Object::Ptr>();
    std::set<std::string> names;
    for (const auto& member : *object) names.insert(member.first);
    for (const std::string& name : names) out += name + ":" + shapeOf(object->get(name)) + ",";
    return out + "}";
  }
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    std::string out = "[";
    for (const auto& element : *v.extract<Poco::JSON::Array::Ptr>()) out += shapeOf(element) + ",";
    return out + "]";
  }
  if (v.isString()) return "string";
  if (v.isBoolean()) return "bool";
  if (v.isNumeric()) return "number";
  return "other";
}

std::string compact(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(v, out);
  return out.str();
}

class Replay : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string base = server_.base();
    rewrites_ = {{"https://eastus2.api.azureml.ms", base}, {"https://eastus2.experiments.azureml.net", base}};
    // Sign-in: the recordings carry no token (sanitised); any token does.
    Reply token;
    token.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    token.body =
        R"({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"replay-token"})";
    server_.on("POST", "/oauth2/v2.0/token", token);
    server_.on(
        "GET", std::string("/workspaces/") + kWorkspace,
        replyOf(recorded("pipeline_get_child_run.json", "GET", std::string("/workspaces/") + kWorkspace),
                rewrites_));
    server_.on("GET", "/discovery",
               replyOf(recorded("pipeline_get_child_run.json", "GET", "/discovery"), rewrites_));

    abitest::LoadResult loaded =
        abitest::loadPlugin(REPLAY_MANIFEST, host_, std::filesystem::path(REPLAY_PLUGIN_DIR));
    if (auto* refusal = std::get_if<std::string>(&loaded)) FAIL() << "the plugin did not load: " << *refusal;
    plugin_ = std::move(std::get<std::unique_ptr<abitest::LoadedPlugin>>(loaded));
    jt_ = plugin_->jobType(0);
    createInstance({});
  }

  // A fresh instance on the replay server with the base settings, plus `extra` (name, value) settings.
  void createInstance(const std::vector<std::pair<std::string, std::string>>& extra) {
    if (instance_ != nullptr) jt_->destroy(instance_);
    instance_ = nullptr;
    const std::string base = server_.base();
    KvList settings;
    settings.add("Subscription Id", kSubscription)
        .add("Resource Group Name", kResourceGroup)
        .add("Workspace Name", kWorkspace)
        .add("Authentication Method", "Service Principal")
        .add("Tenant Id", "72f988bf-86f1-41af-91ab-2d7cd011db47")
        .add("Client Id", "00000000-0000-0000-0000-0000000000bb")
        .add("Client Secret", kSecret, PSJ_KV_SECRET)
        .add("Authority Host", base)
        .add("Resource Manager Endpoint", base)
        .add("Allow Plain HTTP To Loopback", "true")
        .add("Request Timeout Seconds", "10");
    for (const auto& [name, value] : extra) settings.add(name, value);
    abitest::TestCallContext ctx;
    ASSERT_EQ(jt_->create(jt_, settings.data(), settings.size(), ctx.get(), &instance_), PSJ_OK)
        << ctx.errorMessage();
  }

  void TearDown() override {
    if (instance_ != nullptr) jt_->destroy(instance_);
    plugin_.reset();
    for (const std::string& line : host_.logLines()) EXPECT_EQ(line.find(kSecret), std::string::npos) << line;
  }

  struct Outcome {
    std::int32_t rc = 0;
    RecordedStatus status;
    std::string error;
  };

  Outcome poll(const std::string& runId, const std::vector<std::string>& outputParameters = {}) {
    abitest::RunRefData ref;
    ref.runId = runId;
    for (const std::string& name : outputParameters)
      ref.parameters.add(name, PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
    const psj_run_ref runRef = ref.get();
    abitest::TestCallContext ctx(std::chrono::seconds(30));
    abitest::StatusSink sink;
    Outcome out;
    out.rc = jt_->poll(instance_, ctx.get(), &runRef, sink.get());
    out.status = sink.status();
    out.error = ctx.errorMessage();
    return out;
  }

  Outcome cancel(const std::string& runId) {
    abitest::RunRefData ref;
    ref.runId = runId;
    const psj_run_ref runRef = ref.get();
    abitest::TestCallContext ctx(std::chrono::seconds(30));
    abitest::StatusSink sink;
    Outcome out;
    out.rc = jt_->cancel(instance_, ctx.get(), &runRef, sink.get());
    out.status = sink.status();
    out.error = ctx.errorMessage();
    return out;
  }

  struct RunOutcome {
    std::int32_t rc = 0;
    std::optional<std::string> runId, monitorUrl;
    std::string error;
  };

  RunOutcome run(const std::string& externalId, const std::string& displayName, const std::string& key) {
    abitest::RunRequestData request;
    request.externalId = externalId;
    request.displayName = displayName;
    request.idempotencyKey = key;
    const psj_run_request runRequest = request.get();
    abitest::TestCallContext ctx(std::chrono::seconds(30));
    abitest::RunSink sink;
    RunOutcome out;
    out.rc = jt_->run(instance_, ctx.get(), &runRequest, sink.get());
    out.runId = sink.runId();
    out.monitorUrl = sink.monitorUrl();
    out.error = ctx.errorMessage();
    return out;
  }

  ReplayServer server_;
  std::vector<std::pair<std::string, std::string>> rewrites_;
  abitest::TestHost host_;
  std::unique_ptr<abitest::LoadedPlugin> plugin_;
  const psj_job_type* jt_ = nullptr;
  psj_instance* instance_ = nullptr;
};

TEST_F(Replay, EveryRecordedPipelineJobReplyDecodesThroughThePoll) {
  const std::vector<RecordedJob> jobs = recordedPipelineJobs();
  // Statuses the corpus covers; a smaller corpus would make this test say less than it seems.
  std::set<std::string> statuses;
  for (const RecordedJob& job : jobs) statuses.insert(job.status());
  EXPECT_EQ(statuses, (std::set<std::string>{"Preparing", "Running", "Completed", "Canceled"}));

  // Run History for the canceled pipeline: its recorded `rundata` reply carries the run (`runMetadata`, the
  // same Run model that GET runs/{id} answers with), served where the plugin asks for it.
  const Exchange rundata = recorded("pipeline_download_canceled.json", "POST", "/rundata");
  const std::string runMetadata = std::string(
      aifoundry::common::JsonView::parse(rundata.responseBody, "rundata").member("runMetadata")->raw());
  const Object::Ptr historyRun = parseObject(runMetadata);
  Reply historyReply = replyOf(rundata);
  historyReply.body = runMetadata;
  server_.on("GET", "/runs/" + stringAt(historyRun, "runId"), historyReply);

  for (const RecordedJob& job : jobs) {
    SCOPED_TRACE(job.file + ": " + job.exchange.method + " " + job.name() + " (" + job.status() + ")");
    // A PUT's 201 body is the job as Azure then held it: a GET at that moment answers it with 200.
    Reply reply = replyOf(job.exchange);
    reply.status = 200;
    server_.on("GET", "/jobs/" + job.name(), reply);
    std::vector<std::string> outputNames;
    const Object::Ptr outputs = job.properties()->getObject("outputs");
    if (outputs)
      for (const auto& output : *outputs) outputNames.push_back(output.first);

    const Outcome got = poll(job.name(), outputNames);
    ASSERT_EQ(got.rc, PSJ_OK) << got.error;
    const std::int32_t state = expectedState(job.status());
    EXPECT_EQ(got.status.state, state);
    EXPECT_EQ(got.status.rawStatus, job.status());
    const std::string studio =
        stringAt(job.properties()->getObject("services")->getObject("Studio"), "endpoint");
    ASSERT_FALSE(studio.empty());
    EXPECT_EQ(got.status.monitorUrl.value_or("").rfind(studio, 0), 0u)
        << got.status.monitorUrl.value_or("(none)");

    const bool servedHistory = job.name() == stringAt(historyRun, "runId");
    const Times times = expectedTimes(job, servedHistory ? historyRun : nullptr);
    expectNear(got.status.startMs, times.start, "start time");
    expectNear(got.status.endMs, times.end, "end time");
    if (isTerminal(state)) {
      ASSERT_TRUE(times.start && times.end) << "a finished recorded run whose times the corpus cannot give";
    }
    // Run History is asked first on every poll (the data plane, as Azure's SDK watches a job). Here it knows
    // only the recorded canceled run (the others answer 404: nothing was recorded for them), so ARM's job is
    // read for those, and for the canceled one once, at its end (outputs and ARM's final status).
    EXPECT_FALSE(server_.received("GET", "/runs/" + job.name()).empty());
    EXPECT_FALSE(server_.received("GET", "/jobs/" + job.name()).empty());

    // Outputs are written back on terminal states only: the recorded value, else the recorded uri (null in
    // every recorded pipeline output: Azure fills them only when the user set them).
    for (const std::string& name : outputNames) {
      const Object::Ptr output = outputs->getObject(name);
      std::string expected = stringAt(output, "value");
      if (expected.empty()) expected = stringAt(output, "uri");
      std::optional<std::string> written;
      for (const auto& [key, value] : got.status.outputs)
        if (key == name) written = value;
      if (isTerminal(state) && !expected.empty()) {
        EXPECT_EQ(written.value_or("(not written)"), expected) << name;
      } else {
        EXPECT_FALSE(written.has_value()) << name << " written back as '" << written.value_or("") << "'";
      }
    }
    if (state != PSJ_STATE_FAILED) {
      EXPECT_FALSE(got.status.message.has_value()) << got.status.message.value_or("");
    }
  }
  // The Run History request went to the discovered host, on the recorded path shape; its recorded run gave
  // the finished run's status and times in one request, read once per poll.
  const auto historyRequests = server_.received("GET", "/runs/" + stringAt(historyRun, "runId"));
  ASSERT_EQ(historyRequests.size(), 1u);
  EXPECT_EQ(historyRequests[0].path().rfind("/history/v1.0/subscriptions/", 0), 0u)
      << historyRequests[0].target;
}

TEST_F(Replay, ARunClonedFromARecordedTemplateSendsTheBodyAzureAccepted) {
  // Each recording that holds both the SDK's PUT (answered 201) and a later GET of the same job: the GET is
  // the template the plugin clones; the PUT is what Azure accepted for that pipeline.
  for (const std::string& file :
       std::vector<std::string>{"pipeline_get_child_run.json", "import_pipeline_submit.json"}) {
    SCOPED_TRACE(file);
    const std::vector<Exchange> exchanges = loadRecording(file);
    const Exchange* accepted = nullptr;
    const Exchange* templateGet = nullptr;
    for (const Exchange& e : exchanges) {
      if (e.method == "PUT" && e.status == 201 && e.path().find("/jobs/") != std::string::npos) accepted = &e;
      if (accepted && e.method == "GET" && e.status == 200 && e.path() == accepted->path()) templateGet = &e;
    }
    ASSERT_TRUE(accepted && templateGet);
    const Object::Ptr templateJob = parseObject(templateGet->responseBody);
    const std::string templateName = stringAt(templateJob, "name");
    server_.on("GET", "/jobs/" + templateName, replyOf(*templateGet));
    server_.on("PUT", "", replyOf(*accepted));  // any job PUT: Azure's recorded 201

    const std::string displayName = "replayed run of " + templateName;
    const RunOutcome got = run(templateName, displayName, "replay-key-" + templateName);
    ASSERT_EQ(got.rc, PSJ_OK) << got.error;
    ASSERT_TRUE(got.runId.has_value());
    const auto puts = server_.received("PUT", "/jobs/" + *got.runId);
    ASSERT_EQ(puts.size(), 1u);
    const Received& put = puts[0];

    const Object::Ptr sent = parseObject(put.body);
    const Object::Ptr sdk = parseObject(accepted->requestBody);
    const Object::Ptr sentProperties = sent->getObject("properties");
    const Object::Ptr sdkProperties = sdk->getObject("properties");
    ASSERT_TRUE(sentProperties);
    for (const char* key : {"jobs", "settings", "inputs"}) {
      SCOPED_TRACE(key);
      ASSERT_TRUE(sentProperties->has(key));
      EXPECT_EQ(shapeOf(sentProperties->get(key)), shapeOf(sdkProperties->get(key)));
      // `jobs` and `settings` are the template's, copied verbatim; here they are what the SDK sent, too.
      EXPECT_EQ(compact(sentProperties->get(key)), compact(sdkProperties->get(key)));
    }
    EXPECT_EQ(stringAt(sentProperties, "jobType"), stringAt(sdkProperties, "jobType"));
    EXPECT_EQ(stringAt(sentProperties, "experimentName"), stringAt(sdkProperties, "experimentName"));
    EXPECT_EQ(stringAt(sentProperties, "computeId"), stringAt(sdkProperties, "computeId"));
    EXPECT_EQ(stringAt(sentProperties, "displayName"), displayName);

    // No read-only or server-filled field: the envelope is `properties` alone (the SDK's too), and nothing
    // in it is a key Azure added to the template: `status`, `services`, or a server key of
    // properties.properties (those the GET has and the SDK's PUT had not).
    std::set<std::string> envelope;
    for (const auto& member : *sent) envelope.insert(member.first);
    std::set<std::string> sdkEnvelope;
    for (const auto& member : *sdk) sdkEnvelope.insert(member.first);
    EXPECT_EQ(envelope, sdkEnvelope);
    for (const char* readOnly : {"status", "services", "id", "name", "type", "systemData"})
      EXPECT_FALSE(sentProperties->has(readOnly)) << readOnly;
    const Object::Ptr templateServer = templateJob->getObject("properties")->getObject("properties");
    const Object::Ptr sentServer = sentProperties->getObject("properties");
    const Object::Ptr sdkServer = sdkProperties->getObject("properties");
    if (sentServer) {
      for (const auto& member : *templateServer) {
        if (!sdkServer || !sdkServer->has(member.first)) {
          EXPECT_FALSE(sentServer->has(member.first)) << member.first;
        }
      }
    }
    // Every key of the PUT is one the SDK sent for the same pipeline, or one the contract adds (tags carry
    // the plugin's own keys; identity is copied even when null).
    for (const auto& member : *sentProperties) {
      if (member.first != "identity") {
        EXPECT_TRUE(sdkProperties->has(member.first)) << member.first;
      }
    }

    // The template runs as its submitter (identity null): the PUT carries the Azure ML token, as the SDK's.
    ASSERT_TRUE(templateJob->getObject("properties")->isNull("identity"));
    EXPECT_FALSE(put.header("x-azureml-token").empty());
    // The Monitor URL is the Studio link of Azure's 201 reply.
    const std::string studio = stringAt(parseObject(accepted->responseBody)
                                            ->getObject("properties")
                                            ->getObject("services")
                                            ->getObject("Studio"),
                                        "endpoint");
    EXPECT_EQ(got.monitorUrl.value_or("").rfind(studio, 0), 0u) << got.monitorUrl.value_or("(none)");
  }
}

TEST_F(Replay, AnErrorReplyReachesTheUserAsOneLineWithAzuresCodeAndMessage) {
  // Azure's recorded answer to a pipeline PUT naming a component that does not exist: 404 with an ARM error
  // body (additionalInfo) and x-ms-response-type: error.
  const Exchange refused =
      recorded("pipeline_put_component_not_found.json", "PUT", "/jobs/test_614363843468");
  ASSERT_EQ(refused.status, 404);
  const Object::Ptr error = parseObject(refused.responseBody)->getObject("error");
  const std::string code = stringAt(error, "code");
  const std::string message = stringAt(error, "message");
  ASSERT_FALSE(code.empty());
  ASSERT_FALSE(message.empty());

  const Exchange templateGet = recorded("pipeline_get_child_run.json", "GET", "/jobs/test_259228612667");
  server_.on("GET", "/jobs/test_259228612667", replyOf(templateGet));
  server_.on("PUT", "", replyOf(refused));
  const RunOutcome got = run("test_259228612667", "refused run", "replay-refused");
  EXPECT_NE(got.rc, PSJ_OK);
  EXPECT_FALSE(got.runId.has_value());
  EXPECT_EQ(got.error.find_first_of("\r\n"), std::string::npos) << got.error;
  EXPECT_NE(got.error.find(code), std::string::npos) << got.error;
  EXPECT_NE(got.error.find("404"), std::string::npos) << got.error;
  // Azure's message, or at least its start when the line is kept short.
  EXPECT_NE(got.error.find(message.substr(0, 60)), std::string::npos) << got.error;
  EXPECT_EQ(got.error.find(kSecret), std::string::npos);
  EXPECT_EQ(server_.received("PUT", "").size(), 1u) << "a 404 answer is final: the PUT is not repeated";
}

TEST_F(Replay, AnUnknownNameAnsweredWithAzuresEmptyBody404IsAClearNotFound) {
  // ARM's recorded answer for a resource that does not exist: 404, Content-Length 0, no body at all.
  const Exchange missing =
      recorded("compute_not_found_empty_body.json", "GET", "/computes/cpu-cluster-non-existent");
  ASSERT_EQ(missing.status, 404);
  ASSERT_TRUE(missing.responseBody.empty());
  ASSERT_EQ(missing.responseHeader("Content-Length"), "0");
  const std::string unknown = "no_such_pipeline_run";
  server_.on("GET", "/jobs/" + unknown, replyOf(missing));

  const Outcome polled = poll(unknown);
  EXPECT_EQ(polled.rc, PSJ_E_NOT_FOUND) << polled.error;
  const Outcome cancelled = cancel(unknown);
  EXPECT_EQ(cancelled.rc, PSJ_E_NOT_FOUND) << cancelled.error;
  const RunOutcome ran = run(unknown, "run of a missing template", "replay-missing");
  EXPECT_EQ(ran.rc, PSJ_E_NOT_FOUND) << ran.error;
  for (const std::string& error : {polled.error, cancelled.error, ran.error}) {
    EXPECT_NE(error.find(unknown), std::string::npos) << "the message names what was not found: " << error;
    EXPECT_NE(error.find("404"), std::string::npos) << error;
    EXPECT_EQ(error.find_first_of("\r\n"), std::string::npos) << error;
  }
  EXPECT_TRUE(server_.received("POST", "/cancel").empty());
  EXPECT_TRUE(server_.received("PUT", "").empty());
}

TEST_F(Replay, ARecordedFailedJobIsFailedWithAMessageThatIsNeverEmpty) {
  // The only failed job in the recordings is an AutoML job (poll reads every job type alike). Azure's reply
  // has no properties.error; Run History is asked next and, with no recorded run for it, answers 404.
  const std::string name = "000000000000000000000";
  const Exchange failed = recorded("automl_job_failed.json", "GET", "/jobs/" + name);
  const Object::Ptr properties = parseObject(failed.responseBody)->getObject("properties");
  ASSERT_EQ(stringAt(properties, "status"), "Failed");
  ASSERT_FALSE(properties->has("error"));
  server_.on("GET", "/jobs/" + name, replyOf(failed));

  const Outcome got = poll(name);
  ASSERT_EQ(got.rc, PSJ_OK) << got.error;
  EXPECT_EQ(got.status.state, expectedState("Failed"));
  EXPECT_EQ(got.status.rawStatus, "Failed");
  EXPECT_FALSE(got.status.endMs.has_value()) << "the reply and Run History give no end time";
  ASSERT_TRUE(got.status.message.has_value());
  const std::string& message = *got.status.message;
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message.find_first_of("\r\n"), std::string::npos) << message;
  EXPECT_FALSE(server_.received("GET", "/runs/" + name).empty()) << "Run History is asked for the detail";
  // With no detail anywhere, the message sends the user to the run's page in Studio.
  const std::string studio = stringAt(properties->getObject("services")->getObject("Studio"), "endpoint");
  EXPECT_NE(message.find(studio), std::string::npos) << message;
}

TEST_F(Replay, ImportFollowsListPagesOfRecordedJobsAndKeepsOnlyThePipelines) {
  // No recording has a job list of more than one page: page 1 is composed of the recorded pipeline job
  // replies (their exact recorded text) with a nextLink; page 2 is Azure PowerShell's recorded list page as
  // recorded (one Command job, no nextLink), served for that nextLink.
  std::vector<RecordedJob> pipelines;
  for (const RecordedJob& job : recordedPipelineJobs()) {
    bool seen = false;
    for (const RecordedJob& kept : pipelines) seen = seen || kept.name() == job.name();
    if (!seen && job.exchange.method == "GET") pipelines.push_back(job);
  }
  ASSERT_GE(pipelines.size(), 3u);
  const std::string listPath = std::string("/subscriptions/") + kSubscription + "/resourceGroups/" +
                               kResourceGroup + "/providers/Microsoft.MachineLearningServices/workspaces/" +
                               kWorkspace + "/jobs";
  const std::string nextLink =
      server_.base() + listPath + "?api-version=2024-10-01&jobType=Pipeline&$skipToken=page2";
  Reply page1;
  page1.headers = {{"Content-Type", "application/json; charset=utf-8"}};
  page1.body = "{\"value\":[";
  for (std::size_t i = 0; i < pipelines.size(); ++i)
    page1.body += (i ? "," : "") + pipelines[i].exchange.responseBody;
  page1.body += "],\"nextLink\":\"" + nextLink + "\"}";
  server_.on("GET", "/workspaces/" + std::string(kWorkspace) + "/jobs", page1);
  const Exchange powershellPage = recorded("Get-AzMLWorkspaceJob.Recording.json", "GET", "/jobs");
  server_.on("GET", "/workspaces/" + std::string(kWorkspace) + "/jobs", replyOf(powershellPage),
             "skipToken=page2");
  const Object::Ptr page2 = parseObject(powershellPage.responseBody);
  const auto page2Jobs = page2->getArray("value");
  ASSERT_EQ(page2Jobs->size(), 1u);
  ASSERT_NE(stringAt(page2Jobs->getObject(0)->getObject("properties"), "jobType"), "Pipeline");

  abitest::TestCallContext ctx(std::chrono::seconds(30));
  abitest::ImportSink sink;
  const psj_import_request filter = abitest::importRequest("");
  ASSERT_EQ(jt_->import_jobs(instance_, ctx.get(), &filter, sink.get()), PSJ_OK) << ctx.errorMessage();
  const auto lists = server_.received("GET", "/jobs");
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_NE(lists[1].target.find("skipToken=page2"), std::string::npos) << "nextLink followed verbatim";

  const std::vector<abitest::RecordedJob> imported = sink.jobs();
  ASSERT_EQ(imported.size(), pipelines.size());
  for (std::size_t i = 0; i < pipelines.size(); ++i) {
    SCOPED_TRACE(pipelines[i].name());
    const Object::Ptr p = pipelines[i].properties();
    EXPECT_EQ(imported[i].externalId, pipelines[i].name());
    const std::string displayName = stringAt(p, "displayName");
    EXPECT_EQ(imported[i].name, displayName.empty() ? pipelines[i].name() : displayName);
    EXPECT_EQ(imported[i].description, stringAt(p, "description"));
    // One parameter per recorded input (Input) and output (Output).
    std::set<std::pair<std::string, std::int32_t>> expected;
    if (const Object::Ptr inputs = p->getObject("inputs"))
      for (const auto& in : *inputs) expected.emplace(in.first, PSJ_DIRECTION_INPUT);
    if (const Object::Ptr outputs = p->getObject("outputs"))
      for (const auto& out : *outputs) expected.emplace(out.first, PSJ_DIRECTION_OUTPUT);
    std::set<std::pair<std::string, std::int32_t>> actual;
    for (const auto& parameter : imported[i].parameters) actual.emplace(parameter.name, parameter.direction);
    EXPECT_EQ(actual, expected);
  }
}

TEST_F(Replay, ARunningPipelinesStepsComeFromTheRecordedChildrenReplyThroughTheAbi) {
  // The recorded Running pipeline's GET, and Run History's recorded children reply (Azure's own bytes for a
  // pipeline's step runs) where the plugin lists the run's steps.
  const RecordedJob running = [] {
    for (const RecordedJob& job : recordedPipelineJobs())
      if (job.status() == "Running") return job;
    throw std::runtime_error("no recorded Running pipeline");
  }();
  const Exchange children = recorded("pipeline_get_child_run.json", "GET", "/children");
  // Its status from ARM (the recorded GET): Run History is recorded only for the steps of this run, and a
  // poll that finds Run History not knowing a run asks it nothing more about that run.
  createInstance({{"Status Source", "Resource Manager"}});
  server_.on("GET", "/jobs/" + running.name(), replyOf(running.exchange));
  server_.on("GET", "/runs/" + running.name() + "/children", replyOf(children));

  // Expected, from the recordings with Poco: the steps listed (each reused from an earlier run, as recorded)
  // and the steps the running job declares; the total is the larger.
  const Poco::JSON::Array::Ptr listed = parseObject(children.responseBody)->getArray("value");
  unsigned reused = 0;
  for (unsigned i = 0; i < listed->size(); ++i)
    if (stringAt(listed->getObject(i)->getObject("properties"), "azureml.isreused") == "true") ++reused;
  const std::size_t declared = running.properties()->getObject("jobs")->size();

  const Outcome got = poll(running.name());
  ASSERT_EQ(got.rc, PSJ_OK) << got.error;
  EXPECT_EQ(got.status.state, PSJ_STATE_RUNNING);
  ASSERT_EQ(got.status.progressCalls, 1);
  ASSERT_TRUE(got.status.progress);
  EXPECT_EQ(got.status.progress->steps_total, std::max<std::size_t>(listed->size(), declared));
  EXPECT_EQ(got.status.progress->steps_skipped, reused);
  EXPECT_EQ(got.status.progress->steps_completed, listed->size() - reused);
  EXPECT_EQ(got.status.progress->steps_running + got.status.progress->steps_failed, 0u);
  EXPECT_EQ(server_.received("GET", "/runs/" + running.name() + "/children").size(), 1u);
}

TEST_F(Replay, CancelAnswersAsAzureDidInTheRecordings) {
  // A running pipeline (its recorded GET) and Azure's recorded cancel answer: 200, empty body, no Location.
  const RecordedJob running = [] {
    for (const RecordedJob& job : recordedPipelineJobs())
      if (job.status() == "Running") return job;
    throw std::runtime_error("no recorded Running pipeline");
  }();
  const Exchange cancelled = recorded("Stop-AzMLWorkspaceJob.Recording.json", "POST", "/commandjob01/cancel");
  ASSERT_EQ(cancelled.status, 200);
  ASSERT_TRUE(cancelled.responseBody.empty());
  ASSERT_TRUE(cancelled.responseHeader("Location").empty());
  server_.on("GET", "/jobs/" + running.name(), replyOf(running.exchange));
  server_.on("POST", "/cancel", replyOf(cancelled));

  const Outcome got = cancel(running.name());
  ASSERT_EQ(got.rc, PSJ_OK) << got.error;
  EXPECT_EQ(got.status.state, PSJ_STATE_RUNNING);
  EXPECT_EQ(got.status.rawStatus, "CancelRequested");
  EXPECT_EQ(server_.received("POST", "/jobs/" + running.name() + "/cancel").size(), 1u);

  // A finished pipeline: its final status, and nothing is posted.
  const RecordedJob finished = [] {
    for (const RecordedJob& job : recordedPipelineJobs())
      if (job.status() == "Completed") return job;
    throw std::runtime_error("no recorded Completed pipeline");
  }();
  server_.on("GET", "/jobs/" + finished.name(), replyOf(finished.exchange));
  const Outcome done = cancel(finished.name());
  ASSERT_EQ(done.rc, PSJ_OK) << done.error;
  EXPECT_EQ(done.status.state, expectedState(finished.status()));
  EXPECT_EQ(done.status.rawStatus, finished.status());
  EXPECT_TRUE(server_.received("POST", "/jobs/" + finished.name() + "/cancel").empty());
}

}  // namespace
}  // namespace replay
