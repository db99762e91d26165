// The psj_host table: logging and the token provider extension.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "polysync_host/HostServices.h"
#include "polysync_host/Logger.h"

namespace {

using namespace polysync::host;

struct TokenCapture {
  std::string token;
  int calls = 0;
};

void captureToken(const psj_token_sink* sink, const char* token, uint64_t len, int64_t) {
  auto* c = static_cast<TokenCapture*>(sink->plugin_data);
  c->token.assign(token, len);
  c->calls++;
}

class HostServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("POLYSYNC_HOST_TOKEN");
    ::unsetenv("POLYSYNC_HOST_TOKEN_FILE");
  }
  void TearDown() override { SetUp(); }

  int32_t getToken(HostServices& services, TokenCapture& capture, char* error, uint64_t capacity,
                   const char* scope = "https://management.azure.com/.default") {
    const psj_host* host = services.table();
    const auto* provider =
        static_cast<const psj_token_provider*>(host->get_extension(host, PSJ_EXT_TOKEN_PROVIDER));
    EXPECT_NE(provider, nullptr);
    psj_token_sink sink{sizeof(psj_token_sink), &capture, captureToken};
    return provider->get_token(host, scope, nullptr, &sink, error, capacity);
  }

  Logger logger_{99};
};

TEST_F(HostServicesTest, TheTableNamesTheHostAndItsMinor) {
  HostServices services(logger_, TokenSource());
  const psj_host* host = services.table();
  EXPECT_EQ(host->struct_size, sizeof(psj_host));
  EXPECT_EQ(host->abi_minor, PSJ_ABI_MINOR);
  EXPECT_STREQ(host->host_name, "polysync-host-stub");
  EXPECT_EQ(host->get_extension(host, "polysync.unknown/1"), nullptr);
  EXPECT_EQ(host->get_extension(host, nullptr), nullptr);
}

TEST_F(HostServicesTest, LogEnabledFollowsTheLevelAndLinesGoToTheLog) {
  std::FILE* out = std::tmpfile();
  Logger logger(PSJ_LOG_WARN, out);
  HostServices services(logger, TokenSource());
  const psj_host* host = services.table();
  EXPECT_EQ(host->log_enabled(host, PSJ_LOG_INFO), 0);
  EXPECT_EQ(host->log_enabled(host, PSJ_LOG_ERROR), 1);
  host->log(host, PSJ_LOG_WARN, "two\nlines", 9);
  host->log(host, PSJ_LOG_DEBUG, "dropped", 7);
  std::rewind(out);
  char buf[256] = {0};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, out);
  std::fclose(out);
  EXPECT_EQ(std::string(buf, n), "polysync-host-stub: warn: [plugin] two lines\n");
}

TEST_F(HostServicesTest, TheTokenComesFromTheEnvironment) {
  ::setenv("POLYSYNC_HOST_TOKEN", "  env-token \n", 1);
  HostServices services(logger_, TokenSource());
  TokenCapture capture;
  char error[128] = "";
  EXPECT_EQ(getToken(services, capture, error, sizeof error), PSJ_OK);
  EXPECT_EQ(capture.token, "env-token");
  EXPECT_EQ(capture.calls, 1);
}

TEST_F(HostServicesTest, TheTokenFileIsReadAgainOnEveryRequest) {
  const auto path = std::filesystem::temp_directory_path() / ("host_token_" + std::to_string(::getpid()));
  std::ofstream(path) << "first";
  ::setenv("POLYSYNC_HOST_TOKEN_FILE", path.c_str(), 1);
  HostServices services(logger_, TokenSource());
  TokenCapture capture;
  char error[128] = "";
  ASSERT_EQ(getToken(services, capture, error, sizeof error), PSJ_OK);
  EXPECT_EQ(capture.token, "first");
  std::ofstream(path) << "rotated";
  ASSERT_EQ(getToken(services, capture, error, sizeof error), PSJ_OK);
  EXPECT_EQ(capture.token, "rotated");
  std::filesystem::remove(path);
}

// A plugin that needs two audiences (ARM, and Azure ML for x-azureml-token) gets the right token for each.
TEST_F(HostServicesTest, ATokenFileCanMapScopesToTokens) {
  const auto path = std::filesystem::temp_directory_path() / ("host_token_map_" + std::to_string(::getpid()));
  std::ofstream(path) << R"({"https://management.azure.com/.default": " arm-token ",)"
                      << R"( "https://ml.azure.com/.default": "ml-token"})";
  HostServices services(logger_, TokenSource(path.string()));
  TokenCapture capture;
  char error[256] = "";
  ASSERT_EQ(getToken(services, capture, error, sizeof error), PSJ_OK) << error;
  EXPECT_EQ(capture.token, "arm-token");
  ASSERT_EQ(getToken(services, capture, error, sizeof error, "https://ml.azure.com/.default"), PSJ_OK)
      << error;
  EXPECT_EQ(capture.token, "ml-token");
  // A scope the file does not name is refused with a reason naming the scope, never a token.
  EXPECT_EQ(getToken(services, capture, error, sizeof error, "https://other.example/.default"),
            PSJ_E_AUTHENTICATION);
  EXPECT_NE(std::string(error).find("no token for scope https://other.example/.default"), std::string::npos)
      << error;
  EXPECT_EQ(std::string(error).find("arm-token"), std::string::npos) << error;
  // "*" answers any other scope.
  std::ofstream(path) << R"({"*": "any-token"})";
  ASSERT_EQ(getToken(services, capture, error, sizeof error, "https://other.example/.default"), PSJ_OK)
      << error;
  EXPECT_EQ(capture.token, "any-token");
  // A broken map is a clear error, not a token made of JSON text.
  std::ofstream(path) << R"({"https://management.azure.com/.default": )";
  EXPECT_EQ(getToken(services, capture, error, sizeof error), PSJ_E_AUTHENTICATION);
  EXPECT_NE(std::string(error).find("not a JSON object of scope -> token"), std::string::npos) << error;
  std::filesystem::remove(path);
}

TEST_F(HostServicesTest, TheTokenFileOptionWinsOverTheEnvironment) {
  const auto path = std::filesystem::temp_directory_path() / ("host_token_opt_" + std::to_string(::getpid()));
  std::ofstream(path) << "from-option";
  ::setenv("POLYSYNC_HOST_TOKEN", "from-env", 1);
  HostServices services(logger_, TokenSource(path.string()));
  TokenCapture capture;
  char error[128] = "";
  ASSERT_EQ(getToken(services, capture, error, sizeof error), PSJ_OK);
  EXPECT_EQ(capture.token, "from-option");
  std::filesystem::remove(path);
}

TEST_F(HostServicesTest, NoTokenIsAuthenticationWithAOneLineReason) {
  HostServices services(logger_, TokenSource());
  TokenCapture capture;
  char error[256] = "";
  EXPECT_EQ(getToken(services, capture, error, sizeof error), PSJ_E_AUTHENTICATION);
  EXPECT_EQ(capture.calls, 0);
  EXPECT_NE(std::string(error).find("POLYSYNC_HOST_TOKEN"), std::string::npos) << error;
  EXPECT_EQ(std::string(error).find('\n'), std::string::npos);
}

TEST_F(HostServicesTest, AnUnreadableTokenFileIsAuthentication) {
  ::setenv("POLYSYNC_HOST_TOKEN_FILE", "/nonexistent/token", 1);
  HostServices services(logger_, TokenSource());
  TokenCapture capture;
  char error[8];
  EXPECT_EQ(getToken(services, capture, error, sizeof error), PSJ_E_AUTHENTICATION);
  EXPECT_EQ(std::strlen(error), 7u) << "the reason is cut to the buffer and NUL-terminated";
}

TEST_F(HostServicesTest, AMissingSinkIsInvalidArgument) {
  HostServices services(logger_, TokenSource());
  const psj_host* host = services.table();
  const auto* provider =
      static_cast<const psj_token_provider*>(host->get_extension(host, PSJ_EXT_TOKEN_PROVIDER));
  char error[64];
  EXPECT_EQ(provider->get_token(host, "scope", nullptr, nullptr, error, sizeof error),
            PSJ_E_INVALID_ARGUMENT);
}

}  // namespace
