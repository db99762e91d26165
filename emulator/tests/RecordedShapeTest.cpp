// The emulator against recorded real Azure traffic (tests/data/recorded, see its SOURCES.md): for each route,
// the same request is sent to the emulator and its reply compared with Azure's recorded one — member names
// and casing, value types, nulls, and the headers a client acts on. Values (ids, times, names) may differ.
// What the emulator knowingly does otherwise is listed here and in docs/emulator-fidelity.md, with the
// reason.
#include <Poco/InflatingStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <Poco/Thread.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::string kRecordedScope =
    "/subscriptions/00000000-0000-0000-0000-000000000/resourceGroups/00000/providers/"
    "Microsoft.MachineLearningServices/workspaces/00000";

Object::Ptr loadRecording(const std::string& file) {
  std::ifstream in(std::string(RECORDED_DIR) + "/" + file);
  EXPECT_TRUE(in.good()) << "missing recording " << file;
  std::stringstream text;
  text << in.rdbuf();
  Poco::JSON::Parser parser;
  return parser.parse(text.str()).extract<Object::Ptr>();
}

// The Entries[] item whose method and URI (without host) match, the n-th such one.
Object::Ptr entry(const Object::Ptr& recording, const std::string& method, const std::string& uriPart,
                  int nth = 0) {
  auto entries = recording->getArray("Entries");
  for (unsigned i = 0; i < entries->size(); ++i) {
    auto e = entries->getObject(i);
    if (e->getValue<std::string>("RequestMethod") == method &&
        e->getValue<std::string>("RequestUri").find(uriPart) != std::string::npos && nth-- == 0)
      return e;
  }
  ADD_FAILURE() << "no recorded " << method << " " << uriPart;
  return new Object;
}

std::string kindOf(const Var& v) {
  if (v.isEmpty()) return "null";
  if (v.type() == typeid(Object::Ptr)) return v.extract<Object::Ptr>().isNull() ? "null" : "object";
  if (v.type() == typeid(Array::Ptr)) return v.extract<Array::Ptr>().isNull() ? "null" : "array";
  if (v.isString()) return "string";
  if (v.isBoolean()) return "boolean";
  if (v.isNumeric()) return "number";
  return "other";
}

// What a comparison tolerates. Paths are like $.properties.jobs; arrays add [] ($.value[]).
struct Allowances {
  std::set<std::string> maps;     // objects whose keys are the user's (tags, inputs...): values compared only
  std::set<std::string> extra;    // members the emulator has that this recording lacks
  std::set<std::string> missing;  // members this recording has that the emulator leaves out
  std::set<std::string> nullability;  // null on one side, a value on the other (state-dependent members)
  std::set<std::string> skip;         // subtrees not compared at all
};

void compare(const Var& recorded, const Var& ours, const std::string& path, const Allowances& allow,
             std::vector<std::string>& differences) {
  if (allow.skip.count(path)) return;
  const std::string r = kindOf(recorded), o = kindOf(ours);
  if (r != o) {
    if ((r == "null" || o == "null") && allow.nullability.count(path)) return;
    differences.push_back(path + ": recorded " + r + ", emulator " + o);
    return;
  }
  if (r == "array") {
    auto ra = recorded.extract<Array::Ptr>(), oa = ours.extract<Array::Ptr>();
    // Lists of the same length are compared item by item (additionalInfo's entries differ in shape); others
    // item by item against the recorded first one.
    if (ra->size() > 0 && oa->size() > 0)
      for (unsigned i = 0; i < oa->size(); ++i)
        compare(ra->get(ra->size() == oa->size() ? i : 0), oa->get(i), path + "[]", allow, differences);
    return;
  }
  if (r != "object") return;
  auto ro = recorded.extract<Object::Ptr>(), oo = ours.extract<Object::Ptr>();
  if (allow.maps.count(path)) {
    if (ro->size() == 0) return;
    const Var sample = ro->get(ro->getNames().front());
    for (const auto& key : oo->getNames()) compare(sample, oo->get(key), path + ".*", allow, differences);
    return;
  }
  for (const auto& key : ro->getNames()) {
    if (!oo->has(key)) {
      if (!allow.missing.count(path + "." + key))
        differences.push_back(path + "." + key + ": missing in the emulator");
      continue;
    }
    compare(ro->get(key), oo->get(key), path + "." + key, allow, differences);
  }
  for (const auto& key : oo->getNames())
    if (!ro->has(key) && !allow.extra.count(path + "." + key))
      differences.push_back(path + "." + key + ": not in the recording");
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "  " + line + "\n";
  return out;
}

// A recorded header value (Entries[] keep a string or a list of strings).
std::string recordedHeader(const Object::Ptr& e, const std::string& name) {
  auto headers = e->getObject("ResponseHeaders");
  for (const auto& key : headers->getNames())
    if (Poco::icompare(key, name) == 0) {
      const Var v = headers->get(key);
      if (v.type() == typeid(Array::Ptr)) return v.extract<Array::Ptr>()->getElement<std::string>(0);
      return v.toString();
    }
  return "";
}

class RecordedShapeTest : public EmulatorTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = EmulatorTest::makeOptions();
    options.stepMillis = 20;
    return options;
  }

  std::string scoped(std::string text) const {
    for (size_t at = text.find(kRecordedScope); at != std::string::npos;
         at = text.find(kRecordedScope, at + emulator->workspaceArmId().size()))
      text.replace(at, kRecordedScope.size(), emulator->workspaceArmId());
    return text;
  }

  // A GET as Azure's SDK sends it (gzip accepted); the reply's body inflated when it came gzip-encoded.
  HttpResult get(const std::string& pathAndQuery) {
    Headers headers = armHeaders();
    headers["Accept-Encoding"] = "gzip, deflate";
    HttpResult result = send(*emulator, "GET", pathAndQuery, "", headers);
    if (result.header("Content-Encoding") == "gzip") {
      std::istringstream packed(result.body);
      Poco::InflatingInputStream inflater(packed, Poco::InflatingStreamBuf::STREAM_GZIP);
      std::stringstream plain;
      plain << inflater.rdbuf();
      result.body = plain.str();
    }
    return result;
  }

  // The headers a client acts on: the status, the content type, how the body is framed and encoded, the
  // reply type, and Location.
  void expectHeadersLike(const Object::Ptr& e, const HttpResult& ours, const std::string& what) {
    EXPECT_EQ(ours.status, e->getValue<int>("StatusCode")) << what << ": " << ours.body.substr(0, 400);
    for (const char* name : {"Content-Type", "Content-Encoding", "Transfer-Encoding", "x-ms-response-type"})
      EXPECT_EQ(ours.header(name), recordedHeader(e, name)) << what << ": header " << name;
    EXPECT_EQ(ours.header("Location").empty(), recordedHeader(e, "Location").empty()) << what << ": Location";
  }

  void expectShapeLike(const Object::Ptr& e, const HttpResult& ours, const Allowances& allow,
                       const std::string& what) {
    std::vector<std::string> differences;
    Poco::JSON::Parser parser;
    compare(e->get("ResponseBody"), parser.parse(ours.body), "$", allow, differences);
    EXPECT_TRUE(differences.empty()) << what << " differs from the recorded reply:\n" << joined(differences);
  }
};

// Job resources: the members whose keys are the user's, and what differs by design.
Allowances jobAllowances() {
  Allowances a;
  a.maps = {"$.properties.tags", "$.properties.properties", "$.properties.inputs", "$.properties.outputs",
            "$.properties.jobs"};
  // notificationSetting (2023+), the outputs' assetName/assetVersion and the services' nodes (2022-10 on)
  // come with newer api-versions; the emulator answers every version with the newest member set.
  a.extra = {"$.properties.notificationSetting", "$.properties.outputs.*.assetName",
             "$.properties.outputs.*.assetVersion", "$.properties.services.Studio.nodes",
             "$.properties.services.Tracking.nodes"};
  // Descriptions and output paths are the client's: null when it gave none.
  a.nullability = {"$.properties.description", "$.properties.inputs.*.description",
                   "$.properties.outputs.*.description", "$.properties.outputs.*.uri"};
  // The recorded jobs ran with a server-chosen compute path; the steps' own members are the client's.
  a.skip = {"$.properties.jobs.*", "$.properties.settings"};
  return a;
}

TEST_F(RecordedShapeTest, PipelinePutAnswers201PreparingWithLocationAndTheRecordedMembers) {
  auto recording = loadRecording("pipeline_get_child_run.json");
  auto put = entry(recording, "PUT", "/jobs/test_259228612667");
  std::ostringstream body;
  put->getObject("RequestBody")->stringify(body);
  HttpResult ours = send(*emulator, "PUT", jobsPath("test_259228612667") + "?api-version=2022-12-01-preview",
                         scoped(body.str()), armHeaders());
  expectHeadersLike(put, ours, "PUT 201");
  EXPECT_EQ(ours.json()->getObject("properties")->getValue<std::string>("status"), "Preparing");
  expectShapeLike(put, ours, jobAllowances(), "PUT 201");
}

TEST_F(RecordedShapeTest, CompletedPipelineGetIsChunkedGzipWithStagesAndTheRecordedMembers) {
  auto recording = loadRecording("pipeline_get_child_run.json");
  auto put = entry(recording, "PUT", "/jobs/test_259228612667");
  std::ostringstream body;
  put->getObject("RequestBody")->stringify(body);
  ASSERT_EQ(send(*emulator, "PUT", jobsPath("test_259228612667") + "?api-version=2022-12-01-preview",
                 scoped(body.str()), armHeaders())
                .status,
            201);
  waitForStatus("test_259228612667", [](const std::string& s) { return s == "Completed"; });
  auto recorded = entry(recording, "GET", "/jobs/test_259228612667?");
  HttpResult ours = get(jobsPath("test_259228612667") + "?api-version=2022-12-01-preview");
  expectHeadersLike(recorded, ours, "GET Completed");
  expectShapeLike(recorded, ours, jobAllowances(), "GET Completed");
  EXPECT_TRUE(ours.json()->getObject("properties")->getObject("properties")->has("azureml.pipelines.stages"));
}

TEST_F(RecordedShapeTest, CanceledPipelineGetHasTheRecordedMembers) {
  auto recording = loadRecording("pipeline_download_canceled.json");
  auto recorded = entry(recording, "GET", "/jobs/");
  ASSERT_EQ(putJob("to-cancel", runBodyFrom("train-pipeline-template")).status, 201);
  ASSERT_EQ(send(*emulator, "POST", jobsPath("to-cancel") + "/cancel?api-version=2022-06-01-preview", "",
                 armHeaders())
                .status,
            200);
  waitForStatus("to-cancel", [](const std::string& s) { return s == "Canceled"; });
  HttpResult ours = get(jobsPath("to-cancel") + "?api-version=2022-06-01-preview");
  expectHeadersLike(recorded, ours, "GET Canceled");
  expectShapeLike(recorded, ours, jobAllowances(), "GET Canceled");
}

// A pipeline whose steps carry literal inputs and a job_output_type output (an import step), answered 201 and
// then seen Running.
TEST_F(RecordedShapeTest, ImportPipelinePutAndRunningGetHaveTheRecordedMembers) {
  auto recording = loadRecording("import_pipeline_submit.json");
  auto put = entry(recording, "PUT", "/jobs/");
  auto properties = put->getObject("RequestBody")->getObject("properties");
  properties->getObject("tags")->set("emulator.behavior", std::string("slow"));  // long enough to see Running
  std::ostringstream body;
  put->getObject("RequestBody")->stringify(body);
  HttpResult created = send(*emulator, "PUT", jobsPath("import-run") + "?api-version=2022-10-01-preview",
                            scoped(body.str()), armHeaders());
  expectHeadersLike(put, created, "import PUT 201");
  expectShapeLike(put, created, jobAllowances(), "import PUT 201");
  ASSERT_EQ(waitForStatus("import-run", [](const std::string& s) { return s == "Running"; }), "Running");
  auto running = entry(recording, "GET", "/jobs/");
  HttpResult ours = get(jobsPath("import-run") + "?api-version=2022-10-01-preview");
  expectHeadersLike(running, ours, "import GET Running");
  expectShapeLike(running, ours, jobAllowances(), "import GET Running");
}

TEST_F(RecordedShapeTest, ComputeGetHasTheRecordedMembersAndAnUnknownOneIsABare404) {
  auto recording = loadRecording("compute_not_found_empty_body.json");
  auto missing = entry(recording, "GET", "/computes/cpu-cluster-non-existent");
  HttpResult none =
      get(emulator->workspaceArmId() + "/computes/cpu-cluster-non-existent?api-version=2022-01-01-preview");
  expectHeadersLike(missing, none, "compute 404");
  EXPECT_TRUE(none.body.empty());
  EXPECT_EQ(none.header("Content-Length"), "0");
  auto known = entry(recording, "GET", "/computes/cpu-cluster?");
  HttpResult ours = get(emulator->workspaceArmId() + "/computes/cpu-cluster?api-version=2022-01-01-preview");
  expectHeadersLike(known, ours, "compute GET");
  Allowances a;
  a.maps = {"$.tags"};
  expectShapeLike(known, ours, a, "compute GET");
}

TEST_F(RecordedShapeTest, DiscoveryHasAzuresKeysWithHistoryOnAnotherHost) {
  auto recorded = entry(loadRecording("pipeline_get_child_run.json"), "GET", "/discovery");
  HttpResult ours = get("/discovery");
  expectHeadersLike(recorded, ours, "discovery");
  expectShapeLike(recorded, ours, {}, "discovery");
  auto document = ours.json();
  EXPECT_EQ(document->getValue<std::string>("api"), emulator->baseUrl());
  EXPECT_NE(document->getValue<std::string>("history"), document->getValue<std::string>("api"));
  EXPECT_EQ(document->getValue<std::string>("studio"), "https://ml.azure.com");
}

TEST_F(RecordedShapeTest, WorkspaceGetHasTheRecordedMembers) {
  auto recorded = entry(loadRecording("pipeline_get_child_run.json"), "GET", "/workspaces/00000?");
  HttpResult ours = get(emulator->workspaceArmId() + "?api-version=2022-10-01");
  expectHeadersLike(recorded, ours, "workspace");
  Allowances a;
  a.maps = {"$.tags"};
  expectShapeLike(recorded, ours, a, "workspace");
}

// Run History: a finished pipeline's children, and one run.
class RecordedRunHistoryTest : public RecordedShapeTest {
 protected:
  void SetUp() override {
    RecordedShapeTest::SetUp();
    ASSERT_EQ(putJob("rh-run", runBodyFrom("train-pipeline-template")).status, 201);
    waitForStatus("rh-run", [](const std::string& s) { return s == "Completed"; });
  }
  std::string runsPath() const { return "/history/v1.0" + emulator->workspaceArmId() + "/runs/"; }
  Allowances runAllowances(const std::string& prefix) const {
    Allowances a;
    a.maps = {prefix + ".properties", prefix + ".tags",     prefix + ".parameters",
              prefix + ".actionUris", prefix + ".settings", prefix + ".services"};
    // Recorded runs were created by a signed-in user (userPuId) and carry a compute status tag; the
    // emulator's principal is an application; the step's name is null for a pipeline's own run.
    a.nullability = {
        prefix + ".createdBy.userPuId", prefix + ".lastModifiedBy.userPuId", prefix + ".name",
        prefix + ".description",        prefix + ".parentRunUuid",           prefix + ".parentRunId",
        prefix + ".cancelUri",          prefix + ".runTypeV2.orchestrator"};
    a.skip = {prefix + ".runTypeV2.traits"};
    return a;
  }
};

TEST_F(RecordedRunHistoryTest, ChildrenAreAValueListOfRunsNamedByComponentAndNode) {
  auto recorded = entry(loadRecording("pipeline_get_child_run.json"), "GET", "/children");
  HttpResult ours = get(runsPath() + "rh-run/children");
  expectHeadersLike(recorded, ours, "children");
  expectShapeLike(recorded, ours, runAllowances("$.value[]"), "children");
  auto steps = ours.json()->getArray("value");
  std::map<std::string, std::string> componentOf;
  for (unsigned i = 0; i < steps->size(); ++i)
    componentOf[steps->getObject(i)->getValue<std::string>("displayName")] =
        steps->getObject(i)->getValue<std::string>("name");
  EXPECT_EQ(componentOf["prep_data"], "prep_churn_data");
  EXPECT_EQ(componentOf["train_model"], "train_churn_model");
}

TEST_F(RecordedRunHistoryTest, RunHasTheRecordedMembers) {
  auto recorded = entry(loadRecording("pipeline_get_child_run.json"), "GET", "/history/v1.0/", 1);
  HttpResult ours = get(runsPath() + "rh-run");
  expectHeadersLike(recorded, ours, "run");
  expectShapeLike(recorded, ours, runAllowances("$"), "run");
}

TEST_F(RecordedShapeTest, NotFoundErrorHasAdditionalInfoAndTheErrorResponseType) {
  auto recorded = entry(loadRecording("pipeline_put_component_not_found.json"), "PUT", "/jobs/");
  HttpResult ours = send(*emulator, "GET", jobUrl("no-such-job"), "", armHeaders());
  EXPECT_EQ(ours.status, 404);
  EXPECT_EQ(ours.header("x-ms-response-type"), "error");
  EXPECT_EQ(ours.header("Content-Type"), recordedHeader(recorded, "Content-Type"));
  expectShapeLike(recorded, ours, {}, "404 error");
}

// The PowerShell recordings keep their own format: one exchange per key, headers as lists, body as text.
TEST_F(RecordedShapeTest, CancelIs200WithAnEmptyBodyAndNoLocationAlsoForAFinishedJob) {
  auto recording = loadRecording("Stop-AzMLWorkspaceJob.Recording.json");
  int cancels = 0;
  for (const auto& key : recording->getNames()) {
    if (key.find("$POST+") == std::string::npos) continue;
    auto response = recording->getObject(key)->getObject("Response");
    ++cancels;
    EXPECT_EQ(response->getValue<int>("StatusCode"), 200);
    EXPECT_TRUE(response->get("Content").isEmpty());
    EXPECT_FALSE(response->getObject("Headers")->has("Location"));
  }
  ASSERT_EQ(cancels, 2) << "the recording holds two cancels";
  ASSERT_EQ(putJob("running", runBodyFrom("batch-score-template")).status, 201);
  for (const std::string job : {"running", "train-pipeline-template"}) {
    HttpResult ours =
        send(*emulator, "POST", jobsPath(job) + "/cancel?api-version=2024-04-01", "", armHeaders());
    EXPECT_EQ(ours.status, 200) << job;
    EXPECT_TRUE(ours.body.empty()) << job;
    EXPECT_TRUE(ours.header("Location").empty()) << job;
    EXPECT_EQ(ours.header("x-ms-response-type"), "standard") << job;
  }
}

TEST_F(RecordedShapeTest, ListPageAndGetWithoutGzipHaveTheRecordedEnvelopeAndFraming) {
  auto recording = loadRecording("Get-AzMLWorkspaceJob.Recording.json");
  for (const auto& key : recording->getNames()) {
    auto response = recording->getObject(key)->getObject("Response");
    const bool list = key.find("+List+") != std::string::npos;
    // Azure PowerShell sends no Accept-Encoding: the reply comes whole, with a Content-Length.
    HttpResult ours = send(*emulator, "GET",
                           list ? jobsPath() + "?api-version=2024-04-01" : jobUrl("train-pipeline-template"),
                           "", armHeaders());
    EXPECT_EQ(ours.status, response->getValue<int>("StatusCode")) << key;
    EXPECT_TRUE(ours.header("Transfer-Encoding").empty()) << key;
    EXPECT_FALSE(ours.header("Content-Length").empty()) << key;
    EXPECT_EQ(ours.header("x-ms-response-type"), "standard") << key;
    EXPECT_EQ(ours.header("Vary"), "Accept-Encoding") << key;
    // The recorded job is a Command job: its members under properties are a command's, not a pipeline's; the
    // envelope, the resource's own members and systemData are the same for every job type.
    Allowances a;
    a.skip = {"$.properties", "$.value[].properties"};
    std::vector<std::string> differences;
    Poco::JSON::Parser parser;
    compare(parser.parse(response->getValue<std::string>("Content")), parser.parse(ours.body), "$", a,
            differences);
    EXPECT_TRUE(differences.empty()) << key << " differs from the recorded reply:\n" << joined(differences);
  }
}

}  // namespace
}  // namespace azureml_emulator::testing
