#include "TestHost.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace abitest {

TestHost::TestHost(std::uint32_t abiMinor, std::uint32_t structSize) {
  host_.struct_size = structSize;
  host_.abi_minor = abiMinor;
  host_.host_name = "abi-test-host";
  host_.host_version = "1.0.0";
  host_.host_data = this;
  // Fields past struct_size are filled too: a plugin that reads them anyway is caught by the tests that
  // check it did not (e.g. extensionLookups() stays 0).
  host_.log_enabled = &TestHost::logEnabled;
  host_.log = &TestHost::log;
  host_.get_extension = &TestHost::getExtension;
  provider_.struct_size = sizeof(psj_token_provider);
  provider_.get_token = &TestHost::getToken;
}

std::vector<std::string> TestHost::logLines() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return logLines_;
}

bool TestHost::logged(const std::string& fragment) const {
  const auto lines = logLines();
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(fragment) != std::string::npos; });
}

void TestHost::setToken(std::string token, std::int64_t expiresOnUnixS) {
  std::lock_guard<std::mutex> lock(mutex_);
  token_ = std::move(token);
  expiresOn_ = expiresOnUnixS;
  tokenFailure_ = PSJ_OK;
}

void TestHost::setTokenFailure(std::int32_t code, std::string reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  tokenFailure_ = code;
  tokenFailureReason_ = std::move(reason);
}

std::vector<std::string> TestHost::tokenScopes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return tokenScopes_;
}

std::int32_t TestHost::logEnabled(const psj_host*, std::int32_t) { return 1; }

void TestHost::log(const psj_host* host, std::int32_t, const char* message, std::uint64_t len) {
  TestHost& me = self(host);
  std::lock_guard<std::mutex> lock(me.mutex_);
  me.logLines_.emplace_back(message, static_cast<std::size_t>(len));
}

const void* TestHost::getExtension(const psj_host* host, const char* id) {
  TestHost& me = self(host);
  ++me.extensionLookups_;
  if (me.offerTokens_ && id != nullptr && std::strcmp(id, PSJ_EXT_TOKEN_PROVIDER) == 0) return &me.provider_;
  return nullptr;
}

std::int32_t TestHost::getToken(const psj_host* host, const char* scope, const char*,
                                const psj_token_sink* sink, char* error, std::uint64_t errorCapacity) {
  TestHost& me = self(host);
  std::string token;
  std::int64_t expiresOn = 0;
  {
    std::lock_guard<std::mutex> lock(me.mutex_);
    me.tokenScopes_.emplace_back(scope != nullptr ? scope : "");
    if (me.tokenFailure_ != PSJ_OK) {
      std::snprintf(error, static_cast<std::size_t>(errorCapacity), "%s", me.tokenFailureReason_.c_str());
      return me.tokenFailure_;
    }
    token = me.token_;
    expiresOn = me.expiresOn_;
  }
  sink->set_token(sink, token.c_str(), token.size(), expiresOn);
  return PSJ_OK;
}

}  // namespace abitest
