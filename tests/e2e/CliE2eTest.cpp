// The stub host's command line with the real plugin against the emulator: the --json documents and exit codes
// of host_stub/README.md, for every command, success and failure.
#include <Poco/JSON/Array.h>

#include <chrono>
#include <thread>

#include "E2eFixture.h"

namespace e2e {
namespace {

using CliE2eTest = E2eTest;

TEST_F(CliE2eTest, TestConnectionSaysAllGoodOrWhatIsWrong) {
  const auto good = cli({"test-connection", "--job-type", kJobType});
  ASSERT_EQ(good.exitCode, 0) << good.err;
  EXPECT_TRUE(good.json()->getValue<bool>("ok")) << good.out;
  EXPECT_NE(good.json()->getValue<std::string>("message").find("my-aml-workspace"), std::string::npos)
      << good.out;

  const auto bad = cli({"--platform", platformFile({{"Client Secret", "not-the-secret"}}), "test-connection",
                        "--job-type", kJobType});
  EXPECT_EQ(bad.exitCode, 1) << bad.err;
  EXPECT_FALSE(bad.json()->getValue<bool>("ok")) << bad.out;
  EXPECT_EQ(bad.json()->getObject("error")->getValue<std::string>("code"), "Authentication") << bad.out;
  EXPECT_EQ((bad.out + bad.err).find("not-the-secret"), std::string::npos) << "a secret was echoed";
}

TEST_F(CliE2eTest, ImportListsTheTemplatesWithTheirParameters) {
  const auto r = cli({"import", "--job-type", kJobType});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto jobs = r.json()->getArray("jobs");
  ASSERT_EQ(jobs->size(), 3u) << r.out;
  const auto train = jobs->getObject(0);
  EXPECT_EQ(train->getValue<std::string>("externalId"), kTrain);
  EXPECT_EQ(train->getValue<std::string>("name"), "Train churn classifier");
  EXPECT_EQ(train->getValue<std::string>("jobType"), kJobType);
  const auto parameters = train->getArray("parameters");
  ASSERT_EQ(parameters->size(), 7u) << r.out;
  const auto rate = parameters->getObject(1);
  EXPECT_EQ(rate->getValue<std::string>("name"), "learning_rate");
  EXPECT_EQ(rate->getValue<std::string>("direction"), "Input");
  EXPECT_EQ(rate->getValue<std::string>("default"), "0.01");
  EXPECT_TRUE(rate->getValue<bool>("overridable"));
  EXPECT_EQ(parameters->getObject(5)->getValue<std::string>("direction"), "Output");
}

TEST_F(CliE2eTest, RunReportsStartingThenWaitEndsInSuccessWithOutputs) {
  const auto started =
      cli({"run", "--job-type", kJobType, "--external-id", kScore, "--param", "batch_size:Int=64"});
  ASSERT_EQ(started.exitCode, 0) << started.err;
  const auto doc = started.json();
  const std::string runId = doc->getValue<std::string>("runId");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Starting");
  EXPECT_TRUE(doc->isNull("providerStatus"));
  EXPECT_NE(doc->getValue<std::string>("monitorUrl").find("/runs/" + runId), std::string::npos)
      << started.out;
  EXPECT_TRUE(emulator->workspace().exists(runId));

  const auto waited =
      cli({"run", "--job-type", kJobType, "--external-id", kTrain, "--param", "learning_rate:Float=0.5",
           "--param", "use_gpu:Bool=false", "--output", "model", "--wait", "--poll-interval", "0.02"});
  ASSERT_EQ(waited.exitCode, 0) << waited.err;
  const auto done = waited.json();
  EXPECT_EQ(done->getValue<std::string>("status"), "Success") << waited.out;
  EXPECT_EQ(done->getValue<std::string>("providerStatus"), "Completed");
  EXPECT_EQ(done->getValue<std::string>("startTime").back(), 'Z') << waited.out;
  EXPECT_EQ(done->getValue<std::string>("endTime").back(), 'Z') << waited.out;
  EXPECT_NE(done->getObject("outputs")->getValue<std::string>("model").find("azureml://"), std::string::npos)
      << waited.out;
  const auto puts = journal("jobs.put");
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_EQ(memberJson(puts[1].body, {"properties", "inputs", "learning_rate", "value"}), "\"0.5\"");
  EXPECT_EQ(memberJson(puts[1].body, {"properties", "inputs", "use_gpu", "value"}), "\"False\"");
}

TEST_F(CliE2eTest, FailingRunExits4WithTheStepsMessage) {
  const auto r =
      cli({"run", "--job-type", kJobType, "--external-id", kValidate, "--wait", "--poll-interval", "0.02"});
  EXPECT_EQ(r.exitCode, 4) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("status"), "Failed");
  EXPECT_NE(doc->getValue<std::string>("message").find("SchemaError"), std::string::npos) << r.out;
}

TEST_F(CliE2eTest, RunCancelledFromElsewhereExits5) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  host_test::RunningHost waiting(cliArgs({"run", "--job-type", kJobType, "--external-id", "slow-template",
                                          "--wait", "--poll-interval", "0.02"}));
  std::string runId;
  for (int i = 0; i < 3000 && runId.empty(); ++i) {
    const auto puts = journal("jobs.put");
    if (!puts.empty() && puts[0].status == 201) runId = puts[0].path.substr(puts[0].path.rfind('/') + 1);
    if (runId.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_FALSE(runId.empty()) << "the waiting host never submitted";
  connection->cancel(runId, {});
  const auto r = waiting.finish();
  EXPECT_EQ(r.exitCode, 5) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Cancelled") << r.out;
  EXPECT_EQ(r.json()->getValue<std::string>("runId"), runId);
}

TEST_F(CliE2eTest, RefusedParameterExits1WithInvalidArgumentAndNoPut) {
  const auto r = cli({"run", "--job-type", kJobType, "--external-id", kTrain, "--param", "epochz:Int=3"});
  EXPECT_EQ(r.exitCode, 1);
  const auto error = r.json()->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "InvalidArgument") << r.out;
  EXPECT_NE(error->getValue<std::string>("message").find("InputNotFound"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("polysync-host-stub: "), std::string::npos)
      << "one line on stderr says what went wrong";
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(CliE2eTest, UnknownRunIdIsNotFound) {
  for (const char* command : {"poll", "cancel"}) {
    const auto r = cli({command, "--job-type", kJobType, "batch-score-template_nosuchrun"});
    EXPECT_EQ(r.exitCode, 1) << command;
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "NotFound") << r.out;
  }
}

TEST_F(CliE2eTest, ARepeatedRunSaysItFoundTheRunNotThatItSubmittedOne) {
  const std::vector<std::string> args{"run",  "--job-type",        kJobType,          "--external-id",
                                      kScore, "--idempotency-key", "operator-rerun-1"};
  const auto first = cli(args);
  ASSERT_EQ(first.exitCode, 0) << first.err;
  EXPECT_NE(first.err.find("submitted run"), std::string::npos) << first.err;
  // The pre-check found no earlier run: its 404 is the usual answer, not worth an info line.
  EXPECT_EQ(first.err.find("404"), std::string::npos) << first.err;

  const auto again = cli(args);
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(again.json()->getValue<std::string>("runId"), first.json()->getValue<std::string>("runId"));
  EXPECT_EQ(again.err.find("submitted"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("already exists for this idempotency key"), std::string::npos) << again.err;
  EXPECT_EQ(count("jobs.put"), 1u);
}

}  // namespace
}  // namespace e2e
