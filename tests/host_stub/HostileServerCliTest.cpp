// polysync-host-stub with the real plugin against a hostile Resource Manager stand-in (HostileArm): replies
// that are well-formed but lie — control characters for the terminal, foreign link schemes, names that are
// paths, list pages that repeat or loop, bodies that never end or trickle, silence past the deadline, nesting
// a million levels deep. Each test asserts what the user sees: exit code, the --json document, the text.
// Label `hostile` (docs/reliability.md, "Hostile server").
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "HostProcess.h"
#include "HostileArm.h"

namespace {

using host_test::ArmRequest;
using host_test::HostileArm;
using host_test::HostResult;
using host_test::runHost;
using Connection = armtest::ScriptedConnection;

const std::string kJobType = "AI Foundry Pipeline Job";

class HostileServer : public ::testing::Test {
 protected:
  void SetUp() override {}
};

// Raw terminal controls: C0 (NUL, BEL, ESC, ...), DEL, and C1 (U+0080..U+009F, two bytes in UTF-8).
std::string rawControlIn(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return "byte " + std::to_string(c) + " at " + std::to_string(i);
    if (c == 0xc2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return "C1 control at " + std::to_string(i);
    }
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The --json error code of a failed command ("" when it did not fail).
std::string errorCode(const HostResult& r) {
  const auto error = r.json()->getObject("error");
  return error ? error->getValue<std::string>("code") : std::string();
}

// JSON-escaped text with terminal attacks in it: a window title (OSC ... BEL), clear screen (CSI 2J), NUL and
// the one-byte CSI U+009B.
const std::string kEvilJson = R"(\u001b]0;owned\u0007\u001b[2J\u0000\u009b31mX)";

TEST_F(HostileServer, TerminalImportTextShowsEveryControlCharacterEscaped) {
  const std::string input =
      R"("inputs":{"p)" + kEvilJson + R"(":{"jobInputType":"literal","value":"v)" + kEvilJson + R"("}})";
  const std::string job = HostileArm::jobBody(
      "template-1", "Completed",
      R"("displayName":"name)" + kEvilJson + R"(","description":"about)" + kEvilJson + R"(",)" + input);
  HostileArm arm([&](const ArmRequest& r, Connection& c) {
    c.send(HostileArm::jsonReply(200, HostileArm::listBody({job}),
                                 "x-ms-request-id: \x1b]0;req\x07\xc2\x9b"
                                 "1m\r\n"));
    (void)r;
  });
  const HostResult text =
      runHost(arm.hostArgs({"import", "--job-type", kJobType, "--log-level", "debug"}, false));
  ASSERT_EQ(text.exitCode, 0) << text.err;
  EXPECT_EQ(rawControlIn(text.out), "") << text.out;
  EXPECT_EQ(rawControlIn(text.err), "") << text.err;
  EXPECT_TRUE(contains(text.out, R"(name\x1b]0;owned\x07\x1b[2J\x00\u009b31mX)")) << text.out;
  EXPECT_TRUE(contains(text.out, R"(about\x1b]0;owned)")) << text.out;
  EXPECT_TRUE(contains(text.out, R"(v\x1b]0;owned)")) << text.out;           // a parameter's default
  EXPECT_TRUE(contains(text.err, R"(\x1b]0;req\x07\u009b1m)")) << text.err;  // the request id in a log line

  // --json: valid JSON carrying the same text, escaped as JSON.
  const HostResult json = runHost(arm.hostArgs({"import", "--job-type", kJobType}));
  ASSERT_EQ(json.exitCode, 0) << json.err;
  EXPECT_EQ(rawControlIn(json.out), "") << json.out;
  const auto imported = json.json()->getArray("jobs")->getObject(0);
  EXPECT_EQ(imported->getValue<std::string>("name"), std::string("name\x1b]0;owned\x07\x1b[2J") + '\0' +
                                                         "\xc2\x9b"
                                                         "31mX");
}

TEST_F(HostileServer, TerminalPollTextShowsEveryControlCharacterEscaped) {
  const std::string failed =
      HostileArm::jobBody("run-1", "Failed",
                          R"("error":{"code":"Boom","message":"failed)" + kEvilJson +
                              R"("},)"
                              R"("outputs":{"out":{"jobOutputType":"uri_folder","uri":"azureml://o)" +
                              kEvilJson + R"("}})");
  const std::string odd = HostileArm::jobBody("run-2", "Running" + kEvilJson);
  HostileArm arm([&](const ArmRequest& r, Connection& c) {
    if (r.route == "jobs.get") return c.send(HostileArm::jsonReply(200, r.job == "run-1" ? failed : odd));
    c.send(HostileArm::jsonReply(404, R"({"error":{"code":"NotFound","message":"no"}})"));
  });
  const HostResult text = runHost(arm.hostArgs({"poll", "--job-type", kJobType, "run-1"}, false));
  ASSERT_EQ(text.exitCode, 0) << text.err;
  EXPECT_EQ(rawControlIn(text.out), "") << text.out;
  EXPECT_EQ(rawControlIn(text.err), "") << text.err;
  EXPECT_TRUE(contains(text.out, R"(azureml://o\x1b]0;owned\x07\x1b[2J\x00\u009b31mX)"))
      << text.out;                                               // output
  EXPECT_TRUE(contains(text.out, R"(\u009b31mX)")) << text.out;  // the failure message

  const HostResult status = runHost(arm.hostArgs({"poll", "--job-type", kJobType, "run-2"}, false));
  ASSERT_EQ(status.exitCode, 0) << status.err;
  EXPECT_EQ(rawControlIn(status.out), "") << status.out;
  EXPECT_TRUE(contains(status.out, R"(Running\x1b]0;owned\x07)")) << status.out;  // the provider's status

  const HostResult json = runHost(arm.hostArgs({"poll", "--job-type", kJobType, "run-2"}));
  ASSERT_EQ(json.exitCode, 0) << json.err;
  EXPECT_EQ(rawControlIn(json.out), "") << json.out;
  EXPECT_TRUE(contains(json.json()->getValue<std::string>("providerStatus"), "\x1b]0;owned\x07")) << json.out;
}

TEST_F(HostileServer, TerminalErrorLineAndTestConnectionTextShowControlCharactersEscaped) {
  std::atomic<bool> refuse{true};
  HostileArm arm([&](const ArmRequest&, Connection& c) {
    if (refuse) {
      c.send(HostileArm::jsonReply(403,
                                   R"({"error":{"code":"AuthorizationFailed)" + kEvilJson +
                                       R"(","message":"denied)" + kEvilJson + R"("}})",
                                   "x-ms-request-id: \x1b[2J\xc2\x9b"
                                   "2J\r\n"));
    } else {
      c.send(HostileArm::jsonReply(200, HostileArm::workspaceBody(), "x-ms-request-id: \x1b]0;ok\x07\r\n"));
    }
  });
  const HostResult failed = runHost(arm.hostArgs({"test-connection", "--job-type", kJobType}, false));
  EXPECT_EQ(failed.exitCode, 1);
  EXPECT_EQ(rawControlIn(failed.out), "") << failed.out;
  EXPECT_EQ(rawControlIn(failed.err), "") << failed.err;
  EXPECT_TRUE(contains(failed.err, "[Permission]")) << failed.err;
  EXPECT_TRUE(contains(failed.err, R"(\u009b)")) << failed.err;

  refuse = false;
  const HostResult ok = runHost(arm.hostArgs({"test-connection", "--job-type", kJobType}, false));
  ASSERT_EQ(ok.exitCode, 0) << ok.err;
  EXPECT_EQ(rawControlIn(ok.out), "") << ok.out;
  EXPECT_EQ(rawControlIn(ok.err), "") << ok.err;
  EXPECT_TRUE(contains(ok.out, R"(\x1b]0;ok\x07)")) << ok.out;
}

TEST_F(HostileServer, MonitorUrlFromAReplyIsShownOnlyWhenHttps) {
  std::string endpoint;
  std::mutex mutex;
  HostileArm arm([&](const ArmRequest& r, Connection& c) {
    std::lock_guard<std::mutex> lock(mutex);
    const std::string services = R"("services":{"Studio":{"endpoint":")" + endpoint + R"("}})";
    if (r.route == "jobs.get")
      return c.send(HostileArm::jsonReply(200, HostileArm::jobBody("run-1", "Running", services)));
    c.send(HostileArm::jsonReply(404, R"({"error":{"code":"NotFound","message":"no"}})"));
  });
  const auto pollWith = [&](const std::string& url) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      endpoint = url;
    }
    return runHost(arm.hostArgs({"poll", "--job-type", kJobType, "run-1"}));
  };
  // Two schemes and a user name through the host; tests/http/UrlTest.cpp
  // (UrlTest.OnlyHttpsLinksAreShowableAndPlainHttpOnlyToLoopbackWhenAllowed) has data:, file:, blanks,
  // controls and more.
  for (const std::string bad : {"javascript:alert(document.cookie)", "http://studio.example.com/runs/run-1",
                                "https://user@ml.azure.com/runs/run-1"}) {
    const HostResult r = pollWith(bad);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string shown = r.json()->optValue<std::string>("monitorUrl", "");
    EXPECT_FALSE(contains(shown, bad)) << shown;
    EXPECT_TRUE(shown.empty() || shown.rfind("https://", 0) == 0) << shown;
    EXPECT_TRUE(contains(r.err, "warn")) << "no note that the link was dropped: " << r.err;
  }
  const HostResult https = pollWith("https://ml.azure.com/runs/run-1?wsid=x");
  EXPECT_EQ(https.json()->getValue<std::string>("monitorUrl"), "https://ml.azure.com/runs/run-1?wsid=x");
  // Plain HTTP to loopback passes only because the platform allows plain HTTP to loopback (it does here).
  const HostResult loopback = pollWith("http://127.0.0.1:9/runs/run-1");
  EXPECT_EQ(loopback.json()->getValue<std::string>("monitorUrl"), "http://127.0.0.1:9/runs/run-1");
}

TEST_F(HostileServer, NamesRunIdOrExternalIdOfDotSegmentsAreRefusedBeforeAnyRequest) {
  HostileArm arm([&](const ArmRequest&, Connection& c) {
    c.send(HostileArm::jsonReply(200, HostileArm::jobBody("x", "Running")));
  });
  // Three through the host; WorkspaceUrls.RefusesJobNamesThatWouldBreakTheUrl has every other shape.
  for (const std::string id : {".", "..", "a/b"}) {
    const HostResult poll = runHost(arm.hostArgs({"poll", "--job-type", kJobType, id}));
    EXPECT_EQ(poll.exitCode, 1) << id << ": " << poll.out;
    EXPECT_EQ(errorCode(poll), "InvalidArgument") << poll.out;
    const HostResult run = runHost(arm.hostArgs({"run", "--job-type", kJobType, "--external-id", id}));
    EXPECT_EQ(run.exitCode, 1) << id << ": " << run.out;
    EXPECT_EQ(errorCode(run), "InvalidArgument") << run.out;
  }
  for (const ArmRequest& r : arm.requests()) EXPECT_NE(r.route.rfind("jobs.", 0), 0u) << r.path;
}

TEST_F(HostileServer, NamesImportSkipsJobsWhoseNameIsNotAnAzureJobName) {
  const std::vector<std::string> jobs{HostileArm::jobBody("../../x"), HostileArm::jobBody("a/b"),
                                      HostileArm::jobBody("."),       HostileArm::jobBody(".."),
                                      HostileArm::jobBody("good-1"),  HostileArm::jobBody("bad name")};
  HostileArm arm([&](const ArmRequest&, Connection& c) {
    c.send(HostileArm::jsonReply(200, HostileArm::listBody(jobs)));
  });
  const HostResult r = runHost(arm.hostArgs({"import", "--job-type", kJobType}));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto list = r.json()->getArray("jobs");
  ASSERT_EQ(list->size(), 1u) << r.out;
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("externalId"), "good-1");
  EXPECT_TRUE(contains(r.err, "../../x")) << "each skipped job is named in a warning: " << r.err;
  EXPECT_TRUE(contains(r.err, "a/b")) << r.err;
}

TEST_F(HostileServer, ImportSkipsAJobWithoutANameAndPassesEachJobOnce) {
  const std::vector<std::string> jobs{HostileArm::jobBody(""), HostileArm::jobBody("one"),
                                      HostileArm::jobBody("two"), HostileArm::jobBody("one")};
  HostileArm arm([&](const ArmRequest&, Connection& c) {
    c.send(HostileArm::jsonReply(200, HostileArm::listBody(jobs)));
  });
  const HostResult r = runHost(arm.hostArgs({"import", "--job-type", kJobType}));
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto list = r.json()->getArray("jobs");
  ASSERT_EQ(list->size(), 2u) << r.out;
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("externalId"), "one");
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("externalId"), "two");
  EXPECT_TRUE(contains(r.err, "warn")) << r.err;
}

TEST_F(HostileServer, ImportStopsANextLinkCycleAtTheFirstRepeatedLink) {
  static const std::string kSelfTag = R"("tags":{"self":"1"})";  // for the import filtered by tag "self"
  std::mutex mutex;
  std::string first;  // the first page's path and query, exactly as the plugin asked for it
  HostileArm arm([&](const ArmRequest& r, Connection& c) {
    const std::string list = HostileArm::workspacePath() + "/jobs?api-version=2024-10-01";
    std::lock_guard<std::mutex> lock(mutex);
    if (contains(r.query, "page=B"))  // page B links back to the first page: A -> B -> A
      return c.send(HostileArm::jsonReply(200, HostileArm::listBody({HostileArm::jobBody("b-1")}, first)));
    if (contains(r.query, "page=C"))  // page C links to itself
      return c.send(HostileArm::jsonReply(
          200, HostileArm::listBody({HostileArm::jobBody("c-1", "Completed", kSelfTag)}, list + "&page=C")));
    first = r.path + "?" + r.query;
    const bool self = contains(r.query, "tag=self");
    c.send(HostileArm::jsonReply(
        200, HostileArm::listBody({HostileArm::jobBody(self ? "s-1" : "a-1", "Completed", kSelfTag)},
                                  list + (self ? "&page=C" : "&page=B"))));
  });
  const HostResult r = runHost(arm.hostArgs({"import", "--job-type", kJobType}));
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto list = r.json()->getArray("jobs");
  ASSERT_EQ(list->size(), 2u) << r.out;
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("externalId"), "a-1");
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("externalId"), "b-1");
  EXPECT_EQ(arm.requests().size(), 2u) << "the repeated link is not requested again";
  EXPECT_TRUE(contains(r.err, "warn")) << r.err;
  EXPECT_TRUE(contains(r.err, "jobType=Pipeline")) << "the warning names the repeated link: " << r.err;

  const HostResult self = runHost(arm.hostArgs({"import", "--job-type", kJobType, "--filter", "self"}));
  ASSERT_EQ(self.exitCode, 0) << self.out << self.err;
  const auto selfList = self.json()->getArray("jobs");
  ASSERT_EQ(selfList->size(), 2u) << self.out;
  EXPECT_EQ(selfList->getObject(1)->getValue<std::string>("externalId"), "c-1");
  EXPECT_EQ(arm.requests().size(), 4u) << "the first page and page C, once each";
  EXPECT_TRUE(contains(self.err, "page=C")) << self.err;
}

// A server that stays silent: the host's deadline (--call-timeout) passes first.
TEST_F(HostileServer, DeadlineASilentServerEndsTheCallWithTimeoutThroughTheHost) {
  HostileArm arm([](const ArmRequest&, Connection&) {});
  const HostResult test =
      runHost(arm.hostArgs({"--call-timeout", "1", "test-connection", "--job-type", kJobType}));
  EXPECT_EQ(test.exitCode, 1) << test.err;
  EXPECT_EQ(errorCode(test), "Timeout") << test.out;
  EXPECT_TRUE(contains(test.err, "[Timeout]")) << test.err;

  const HostResult import = runHost(arm.hostArgs({"--call-timeout", "1", "import", "--job-type", kJobType}));
  EXPECT_EQ(import.exitCode, 1) << import.err;
  EXPECT_EQ(errorCode(import), "Timeout") << import.out;
}

// A head or a body trickled a byte at a time, each byte well inside the read timeout: the call's deadline
// still ends it, as Timeout.
TEST_F(HostileServer, DeadlineTrickledHeadAndBodyEndWithTimeoutThroughTheHost) {
  const auto trickle = [](Connection& c, const std::string& bytes) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
    for (std::size_t i = 0; i < bytes.size() && std::chrono::steady_clock::now() < until; ++i) {
      c.send(bytes.substr(i, 1));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  };
  const std::string reply = HostileArm::jsonReply(200, HostileArm::workspaceBody() + std::string(2000, ' '));
  HostileArm head([&](const ArmRequest&, Connection& c) { trickle(c, reply); });
  const HostResult r1 =
      runHost(head.hostArgs({"--call-timeout", "1", "test-connection", "--job-type", kJobType}));
  EXPECT_EQ(r1.exitCode, 1) << r1.err;
  EXPECT_EQ(errorCode(r1), "Timeout") << r1.out;

  const std::size_t headEnd = reply.find("\r\n\r\n") + 4;
  HostileArm body([&](const ArmRequest&, Connection& c) {
    c.send(reply.substr(0, headEnd + 10));
    trickle(c, reply.substr(headEnd + 10));
  });
  const HostResult r2 =
      runHost(body.hostArgs({"--call-timeout", "1", "test-connection", "--job-type", kJobType}));
  EXPECT_EQ(r2.exitCode, 1) << r2.err;
  EXPECT_EQ(errorCode(r2), "Timeout") << r2.out;
}

// A chunked body that does not end (here: twice the plugin's 32 MiB limit, then the server gives up).
TEST_F(HostileServer, BodiesAnEndlessBodyIsRefusedAtTheLimitThroughTheHost) {
  HostileArm arm([](const ArmRequest&, Connection& c) {
    c.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string chunk = "10000\r\n" + std::string(0x10000, '[') + "\r\n";
    for (int i = 0; i < 1024; ++i) c.send(chunk);
  });
  const HostResult r =
      runHost(arm.hostArgs({"--log-level", "error", "test-connection", "--job-type", kJobType}));
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_FALSE(r.json()->getValue<bool>("ok"));
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  EXPECT_LT(r.err.size(), 4096u);
}

// Nesting far past the documented depth limit (128): test-connection must not call that workspace "all good".
TEST_F(HostileServer, DepthAWorkspaceReplyNestedAMillionLevelsIsNotAllGood) {
  const std::string deep = "{\"properties\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
  HostileArm arm([&](const ArmRequest&, Connection& c) { c.send(HostileArm::jsonReply(200, deep)); });
  const HostResult r =
      runHost(arm.hostArgs({"--log-level", "error", "test-connection", "--job-type", kJobType}));
  EXPECT_EQ(r.exitCode, 1) << r.out;
  EXPECT_FALSE(r.json()->getValue<bool>("ok")) << r.out;
  EXPECT_EQ(errorCode(r), "Unavailable") << r.out;  // the service's fault, retried later
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;

  // Just past the limit is refused too, and just within it is read.
  const auto nested = [](std::size_t depth) {
    return "{\"id\":\"x\",\"name\":\"ws\",\"properties\":{\"x\":" + std::string(depth, '[') +
           std::string(depth, ']') + "}}";
  };
  HostileArm past([&](const ArmRequest&, Connection& c) { c.send(HostileArm::jsonReply(200, nested(127))); });
  const HostResult refused = runHost(past.hostArgs({"test-connection", "--job-type", kJobType}));
  EXPECT_EQ(refused.exitCode, 1) << refused.out;
  EXPECT_EQ(errorCode(refused), "Unavailable") << refused.out;
  HostileArm within(
      [&](const ArmRequest&, Connection& c) { c.send(HostileArm::jsonReply(200, nested(125))); });
  const HostResult ok = runHost(within.hostArgs({"test-connection", "--job-type", kJobType}));
  EXPECT_EQ(ok.exitCode, 0) << ok.out << ok.err;
}

}  // namespace
