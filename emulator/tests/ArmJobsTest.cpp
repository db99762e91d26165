// ARM jobs: list with paging and filters, get, put (create, idempotent re-put, immutability), cancel.
#include <Poco/JSON/Array.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

class ArmJobsTest : public EmulatorTest {};

std::string pathOf(const std::string& link) {
  Poco::URI uri(link);
  return uri.getPathAndQuery();
}

TEST_F(ArmJobsTest, GetReturnsTheTemplateAsArmShapesIt) {
  auto result = getJob("train-pipeline-template");
  ASSERT_EQ(result.status, 200) << result.body;
  auto job = result.json();
  EXPECT_EQ(job->getValue<std::string>("name"), "train-pipeline-template");
  EXPECT_EQ(job->getValue<std::string>("id"), emulator->workspaceArmId() + "/jobs/train-pipeline-template");
  EXPECT_EQ(job->getValue<std::string>("type"), "Microsoft.MachineLearningServices/workspaces/jobs");
  auto properties = job->getObject("properties");
  EXPECT_EQ(properties->getValue<std::string>("jobType"), "Pipeline");
  EXPECT_EQ(properties->getValue<std::string>("status"), "Completed");
  EXPECT_FALSE(properties->has("startTime")) << "ARM jobs carry no times: those are in Run History";
  EXPECT_FALSE(properties->has("endTime"));
  EXPECT_EQ(properties->getObject("inputs")->getObject("learning_rate")->getValue<std::string>("value"),
            "0.01");
  EXPECT_NE(properties->getObject("services")
                ->getObject("Studio")
                ->getValue<std::string>("endpoint")
                .find("/runs/train-pipeline-template?wsid="),
            std::string::npos);
  EXPECT_TRUE(job->has("systemData"));
  EXPECT_FALSE(result.header("x-ms-request-id").empty());
  EXPECT_FALSE(result.header("x-ms-correlation-request-id").empty());
  EXPECT_FALSE(result.header("x-ms-ratelimit-remaining-subscription-reads").empty());
}

// A reply is written whole: the first read after the request holds all of it (a gzip client's chunked reply
// with its last chunk; a plain client's head and body), so a client waits for one segment per reply.
TEST_F(ArmJobsTest, AReplyArrivesWholeInOneReadGzipChunkedOrPlain) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", emulator->port()));
  const std::string request = "GET " + jobsPath("train-pipeline-template") +
                              "?api-version=2024-10-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " +
                              armHeaders().at("Authorization") +
                              "\r\nAccept: application/json\r\nAccept-Encoding: gzip\r\n\r\n";
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  std::string reply(256 * 1024, '\0');
  const int n = socket.receiveBytes(reply.data(), static_cast<int>(reply.size()));
  ASSERT_GT(n, 0);
  reply.resize(static_cast<size_t>(n));
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply.substr(0, 200);
  const std::string head = Poco::toLower(reply.substr(0, reply.find("\r\n\r\n")));
  EXPECT_NE(head.find("transfer-encoding: chunked"), std::string::npos) << head;
  EXPECT_NE(head.find("content-encoding: gzip"), std::string::npos) << head;
  ASSERT_GE(reply.size(), 5u);
  EXPECT_EQ(reply.substr(reply.size() - 5), "0\r\n\r\n") << "the last chunk came in a later segment";

  // A client that does not accept gzip, on the same connection: a plain reply, head and body in one read.
  const std::string plainRequest = "GET " + jobsPath("train-pipeline-template") +
                                   "?api-version=2024-10-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " +
                                   armHeaders().at("Authorization") + "\r\nAccept: application/json\r\n\r\n";
  socket.sendBytes(plainRequest.data(), static_cast<int>(plainRequest.size()));
  std::string plain(256 * 1024, '\0');
  const int m = socket.receiveBytes(plain.data(), static_cast<int>(plain.size()));
  ASSERT_GT(m, 0);
  plain.resize(static_cast<size_t>(m));
  const size_t headEnd = plain.find("\r\n\r\n");
  ASSERT_NE(headEnd, std::string::npos) << plain.substr(0, 200);
  const std::string plainHead = Poco::toLower(plain.substr(0, headEnd));
  const size_t lengthAt = plainHead.find("content-length: ");
  ASSERT_NE(lengthAt, std::string::npos) << plainHead;
  EXPECT_EQ(plainHead.find("content-encoding"), std::string::npos) << plainHead;
  const size_t length = std::stoul(plainHead.substr(lengthAt + 16));
  EXPECT_EQ(plain.size(), headEnd + 4 + length) << "the body came in a later segment";
}

TEST_F(ArmJobsTest, GetOfAMissingJobIs404WithArmErrorShape) {
  auto result = getJob("no-such-job");
  EXPECT_EQ(result.status, 404);
  auto error = result.json()->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "ResourceNotFound");
  EXPECT_FALSE(error->getValue<std::string>("message").empty());
  EXPECT_TRUE(error->has("details"));
}

TEST_F(ArmJobsTest, ListFollowsNextLinkThroughEveryPage) {
  emulator->workspace().generateJobs(120, "train-pipeline-template");
  std::string link = jobsPath() + "?api-version=2024-10-01&jobType=Pipeline";
  size_t total = 0, pages = 0;
  while (!link.empty()) {
    auto result = send(*emulator, "GET", link, "", armHeaders());
    ASSERT_EQ(result.status, 200) << result.body;
    auto body = result.json();
    total += body->getArray("value")->size();
    ++pages;
    link = body->has("nextLink") ? pathOf(body->getValue<std::string>("nextLink")) : "";
    if (!link.empty()) {
      EXPECT_NE(link.find("$skip="), std::string::npos);
      EXPECT_NE(link.find("jobType=Pipeline"), std::string::npos) << "filters travel in the link";
    }
  }
  EXPECT_EQ(total, 123u);
  EXPECT_EQ(pages, 3u);
}

TEST_F(ArmJobsTest, ListFiltersByTagAndJobType) {
  auto tagged = send(*emulator, "GET", jobsPath() + "?api-version=2024-10-01&tag=schedule", "", armHeaders());
  ASSERT_EQ(tagged.status, 200);
  auto value = tagged.json()->getArray("value");
  ASSERT_EQ(value->size(), 1u);
  EXPECT_EQ(value->getObject(0)->getValue<std::string>("name"), "batch-score-template");
  auto commands =
      send(*emulator, "GET", jobsPath() + "?api-version=2024-10-01&jobType=Command", "", armHeaders());
  EXPECT_EQ(commands.json()->getArray("value")->size(), 0u);
}

// Names of every job in the list (all pages) for `listViewType` ("" = the parameter left out).
std::vector<std::string> listedNames(const Emulator& emulator, const std::string& listViewType,
                                     const Headers& headers, const std::string& jobsPath) {
  std::vector<std::string> names;
  std::string link =
      jobsPath + "?api-version=2024-10-01" + (listViewType.empty() ? "" : "&listViewType=" + listViewType);
  while (!link.empty()) {
    auto result = send(emulator, "GET", link, "", headers);
    EXPECT_EQ(result.status, 200) << result.body;
    if (result.status != 200) break;
    auto body = result.json();
    auto value = body->getArray("value");
    for (unsigned i = 0; i < value->size(); ++i)
      names.push_back(value->getObject(i)->getValue<std::string>("name"));
    link = body->has("nextLink") ? pathOf(body->getValue<std::string>("nextLink")) : "";
    if (!link.empty() && !listViewType.empty()) {
      EXPECT_NE(link.find("listViewType=" + listViewType), std::string::npos)
          << "the view travels in the link";
    }
  }
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST_F(ArmJobsTest, ListViewTypeSelectsActiveArchivedOrAllJobs) {
  const std::string body = runBodyFrom("batch-score-template");
  ASSERT_EQ(putJob("stays-active", body).status, 201);
  ASSERT_EQ(putJob("gets-archived", body).status, 201);
  // Archiving is one of the changes a re-PUT may make.
  std::string archived = body;
  const size_t flag = archived.find("\"isArchived\":false");
  ASSERT_NE(flag, std::string::npos) << archived;
  archived.replace(flag, std::strlen("\"isArchived\":false"), "\"isArchived\":true");
  auto rePut = putJob("gets-archived", archived);
  ASSERT_EQ(rePut.status, 200) << rePut.body;
  EXPECT_TRUE(rePut.json()->getObject("properties")->getValue<bool>("isArchived"));
  // Small pages, so the view must survive paging.
  emulator->workspace().generateJobs(60, "train-pipeline-template");
  const auto headers = armHeaders();

  const auto byDefault = listedNames(*emulator, "", headers, jobsPath());
  const auto active = listedNames(*emulator, "ActiveOnly", headers, jobsPath());
  const auto archivedOnly = listedNames(*emulator, "ArchivedOnly", headers, jobsPath());
  const auto all = listedNames(*emulator, "All", headers, jobsPath());

  EXPECT_EQ(byDefault, active) << "ActiveOnly is the default";
  EXPECT_TRUE(contains(active, "stays-active"));
  EXPECT_FALSE(contains(active, "gets-archived"));
  EXPECT_EQ(archivedOnly, std::vector<std::string>{"gets-archived"});
  EXPECT_EQ(all.size(), active.size() + 1);
  EXPECT_TRUE(contains(all, "gets-archived"));
  EXPECT_TRUE(contains(all, "stays-active"));
  EXPECT_EQ(all.size(), emulator->workspace().jobCount());
}

TEST_F(ArmJobsTest, ListViewTypeOutsideTheThreeValuesIs400) {
  auto result = send(*emulator, "GET", jobsPath() + "?api-version=2024-10-01&listViewType=Everything", "",
                     armHeaders());
  EXPECT_EQ(result.status, 400);
  auto error = result.json()->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "InvalidRequestContent");
  EXPECT_NE(error->getValue<std::string>("message").find("ActiveOnly, ArchivedOnly, All"), std::string::npos);
}

TEST_F(ArmJobsTest, PutCreatesA201RunThatWalksToCompleted) {
  auto result = putJob("train-run-1", runBodyFrom("train-pipeline-template"));
  ASSERT_EQ(result.status, 201) << result.body;
  auto job = result.json();
  EXPECT_EQ(job->getObject("properties")->getValue<std::string>("status"), "Preparing");
  EXPECT_NE(result.header("Location").find("/jobs/train-run-1?api-version="), std::string::npos);
  const auto final = waitForStatus("train-run-1", [](const std::string& s) { return s == "Completed"; });
  EXPECT_EQ(final, "Completed");
  auto done = getJob("train-run-1").json()->getObject("properties");
  EXPECT_EQ(done->getValue<std::string>("status"), "Completed");
}

TEST_F(ArmJobsTest, RePutOfTheSameBodyIs200AndKeepsOneJob) {
  const std::string body = runBodyFrom("batch-score-template");
  ASSERT_EQ(putJob("score-run", body).status, 201);
  const size_t jobs = emulator->workspace().jobCount();
  auto again = putJob("score-run", body);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(emulator->workspace().jobCount(), jobs);
}

TEST_F(ArmJobsTest, RePutWithAChangedBodyIsRefused) {
  ASSERT_EQ(putJob("score-run", runBodyFrom("batch-score-template")).status, 201);
  std::string changed = runBodyFrom("batch-score-template");
  changed.replace(changed.find("\"512\""), 5, "\"256\"");
  auto result = putJob("score-run", changed);
  EXPECT_EQ(result.status, 409);
  EXPECT_EQ(result.json()->getObject("error")->getValue<std::string>("code"), "JobPropertyImmutable");
}

TEST_F(ArmJobsTest, CancelIs200EmptyThenCancelRequestedThenCanceled) {
  ASSERT_EQ(putJob("to-cancel", runBodyFrom("train-pipeline-template")).status, 201);
  auto result =
      send(*emulator, "POST", jobsPath("to-cancel") + "/cancel?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_TRUE(result.body.empty());
  EXPECT_TRUE(result.header("Location").empty());
  EXPECT_FALSE(result.header("x-ms-ratelimit-remaining-subscription-writes").empty());
  EXPECT_EQ(emulator->workspace().status("to-cancel"), "CancelRequested");
  EXPECT_EQ(waitForStatus("to-cancel", [](const std::string& s) { return s == "Canceled"; }), "Canceled");
}

TEST_F(ArmJobsTest, CancelOfAFinishedJobIs200AndChangesNothing) {
  auto result =
      send(*emulator, "POST", jobsPath("train-pipeline-template") + "/cancel?api-version=2024-10-01", "",
           armHeaders());
  EXPECT_EQ(result.status, 200);
  EXPECT_TRUE(result.body.empty());
  EXPECT_EQ(emulator->workspace().status("train-pipeline-template"), "Completed");
}

TEST_F(ArmJobsTest, CancelOfAnUnknownJobIs404) {
  auto result =
      send(*emulator, "POST", jobsPath("ghost") + "/cancel?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(result.status, 404);
}

TEST_F(ArmJobsTest, JournalRecordsWhatWasSentWithTokensMasked) {
  putJob("journaled", runBodyFrom("train-pipeline-template"));
  auto puts = emulator->journal().entries("jobs.put");
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].method, "PUT");
  EXPECT_EQ(puts[0].path, jobsPath("journaled"));
  EXPECT_EQ(puts[0].query, "api-version=2024-10-01");
  EXPECT_EQ(puts[0].header("Authorization"), "Bearer ***");
  EXPECT_EQ(puts[0].header("x-azureml-token"), "***");
  EXPECT_NE(puts[0].body.find("learning_rate"), std::string::npos);
  EXPECT_EQ(puts[0].status, 201);
  EXPECT_EQ(puts[0].principal, "emulator-test-principal");
}

}  // namespace
}  // namespace azureml_emulator::testing
