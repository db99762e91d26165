// TestHost: a psj_host for tests — records log lines, counts extension look-ups, and offers a scriptable
// token provider. `structSize` below sizeof(psj_host) makes a truncated (older) host table.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "polysync/jobtype_v1.h"

namespace abitest {

class TestHost {
 public:
  explicit TestHost(std::uint32_t abiMinor = PSJ_ABI_MINOR, std::uint32_t structSize = sizeof(psj_host));
  TestHost(const TestHost&) = delete;
  TestHost& operator=(const TestHost&) = delete;

  const psj_host* table() const { return &host_; }

  std::vector<std::string> logLines() const;
  bool logged(const std::string& fragment) const;
  int extensionLookups() const { return extensionLookups_.load(); }

  // The token provider answers with this token (or this failure). offerTokenProvider(false): no extension.
  void offerTokenProvider(bool offer) { offerTokens_ = offer; }
  void setToken(std::string token, std::int64_t expiresOnUnixS);
  void setTokenFailure(std::int32_t code, std::string reason);
  std::vector<std::string> tokenScopes() const;

 private:
  static std::int32_t logEnabled(const psj_host* host, std::int32_t level);
  static void log(const psj_host* host, std::int32_t level, const char* message, std::uint64_t len);
  static const void* getExtension(const psj_host* host, const char* id);
  static std::int32_t getToken(const psj_host* host, const char* scope, const char* tenantId,
                               const psj_token_sink* sink, char* error, std::uint64_t errorCapacity);
  static TestHost& self(const psj_host* host) { return *static_cast<TestHost*>(host->host_data); }

  psj_host host_{};
  psj_token_provider provider_{};
  mutable std::mutex mutex_;
  std::vector<std::string> logLines_;
  std::vector<std::string> tokenScopes_;
  std::atomic<int> extensionLookups_{0};
  bool offerTokens_ = true;
  std::string token_ = "test-token";
  std::int64_t expiresOn_ = 0;
  std::int32_t tokenFailure_ = PSJ_OK;
  std::string tokenFailureReason_;
};

}  // namespace abitest
