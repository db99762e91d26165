// What an operator trying the real plugin through polysync-host-stub meets when sign-in cannot work: one
// clear error line that leads with the cause and names the setting to correct, few log lines, no retries
// of what retrying cannot fix. No network is touched: the sign-in host is under .invalid (RFC 6761), which
// the transport refuses without asking the resolver, and a missing host token fails before any request.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;

constexpr const char* kWorkspace =
    R"("Subscription Id":"00000000-1111-2222-3333-444444444444","Resource Group Name":"rg","Workspace Name":"ws-operator")";

size_t occurrences(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// The lines of `text` that contain `what`.
std::vector<std::string> linesWith(const std::string& text, const std::string& what) {
  std::vector<std::string> lines;
  size_t from = 0;
  while (from < text.size()) {
    const auto end = std::min(text.find('\n', from), text.size());
    const std::string line = text.substr(from, end - from);
    if (line.find(what) != std::string::npos) lines.push_back(line);
    from = end + 1;
  }
  return lines;
}

class CliOperator : public ::testing::Test {
 protected:
  void SetUp() override {}
  HostResult host(const std::string& platformJson, std::vector<std::string> command,
                  const std::string& logLevel) {
    const std::string platform = host_test::writeTempFile("operator-platform.json", "{" + platformJson + "}");
    std::vector<std::string> args{"--plugin-dir", REAL_PLUGIN_DIR, "--platform",
                                  platform,       "--log-level",   logLevel};
    args.insert(args.end(), command.begin(), command.end());
    return runHost(args);
  }
};

const std::vector<std::string> kTestConnection{"test-connection", "--job-type", "AI Foundry Pipeline Job"};

TEST_F(CliOperator, AnUnresolvableSignInHostIsReportedOnceNamingItsSettingWithoutRetries) {
  const std::string platform = std::string(kWorkspace) +
                               R"(,"Authentication Method":"Service Principal","Tenant Id":"tenant-1",)"
                               R"("Client Id":"client-1","Client Secret":"CANARY-operator-secret",)"
                               R"("Authority Host":"https://login.example.invalid")";
  const HostResult r = host(platform, kTestConnection, "debug");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  // Every attempt of a request is logged at debug or info ("... failed in N ms"), every retry at info
  // ("; retry N in M ms"): one attempt, no retry, at either level of nesting.
  EXPECT_EQ(occurrences(r.err, " failed in "), 1u) << r.err;
  EXPECT_EQ(occurrences(r.err, "; retry "), 0u) << r.err;
  EXPECT_EQ(linesWith(r.err, "/oauth2/v2.0/token").size(), 1u) << "one sign-in request\n" << r.err;
  // The error line (not a log line): the cause first, naming the host and the setting that gave it.
  const auto errorLines = linesWith(r.err, "does not resolve");
  ASSERT_FALSE(errorLines.empty()) << r.err;
  const std::string& error = errorLines.back();
  EXPECT_EQ(error.rfind("polysync-host-stub: unknown host: ", 0), 0u) << error;
  EXPECT_NE(
      error.find("sign-in host 'login.example.invalid' (from setting 'Authority Host') does not resolve"),
      std::string::npos)
      << error;
  EXPECT_EQ((r.out + r.err).find("CANARY-operator-secret"), std::string::npos);

  // At the default level the whole failure is a handful of lines: the attempt's failure, the verdict, the
  // error.
  const HostResult quiet = host(platform, kTestConnection, "info");
  EXPECT_EQ(quiet.exitCode, 1) << quiet.err;
  EXPECT_LE(host_test::lineCount(quiet.err), 3u) << quiet.err;
  EXPECT_EQ(linesWith(quiet.err, "from setting 'Authority Host'").size(), 2u) << quiet.err;
}

TEST_F(CliOperator, AnUnresolvableSignInHostFailsAnImportAsOneLineNamingTheSetting) {
  const std::string platform = std::string(kWorkspace) +
                               R"(,"Authentication Method":"Service Principal","Tenant Id":"tenant-1",)"
                               R"("Client Id":"client-1","Client Secret":"CANARY-operator-secret",)"
                               R"("Authority Host":"https://login.example.invalid")";
  const HostResult r = host(platform, {"--json", "import", "--job-type", "AI Foundry Pipeline Job"}, "info");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(occurrences(r.err, "; retry "), 0u) << r.err;
  const auto doc = r.json();
  const std::string message = doc->getObject("error")->getValue<std::string>("message");
  EXPECT_NE(
      message.find("sign-in host 'login.example.invalid' (from setting 'Authority Host') does not resolve"),
      std::string::npos)
      << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST_F(CliOperator, TheDefaultSignInMethodWithoutAHostTokenLeadsWithThatCause) {
  // No `Authentication Method`: the host's own identity, and this host has no token (POLYSYNC_* are cleared).
  const HostResult r =
      host(kWorkspace, {"--json", "test-connection", "--job-type", "AI Foundry Pipeline Job"}, "info");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const auto doc = r.json();
  const auto error = doc->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "Authentication") << r.out;
  const std::string message = error->getValue<std::string>("message");
  EXPECT_EQ(message.rfind("sign-in failed: the host could not provide a token", 0), 0u) << message;
  EXPECT_NE(message.find("the host has no token of its own"), std::string::npos) << message;
  EXPECT_EQ(message.find("bad credentials"), std::string::npos)
      << "not a guess about credentials: " << message;
  EXPECT_EQ(message.find("Client Id"), std::string::npos) << message;
}

}  // namespace
