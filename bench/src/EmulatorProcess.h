// EmulatorProcess: one azureml-emulator child process (the same binary the demo uses), started for a
// benchmark with the journal off and throttling off (unless asked for), and its admin API (/_admin/...) for
// seeding and counting.
//
// Ownership: the object owns the child; the destructor stops it (SIGTERM, then waits). One thread.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace bench {

struct EmulatorConfig {
  std::string binary;  // path to azureml-emulator
  bool https = true;
  std::vector<std::string> extraArgs;  // e.g. --generate-jobs N
  std::string workDir;                 // where the port file and CA go
  bool throttle = false;  // the token buckets (off: every other section measures the client, not them)
};

class EmulatorProcess {
 public:
  static constexpr const char* kTenant = "11111111-2222-3333-4444-555555555555";
  static constexpr const char* kClientId = "bbbbbbbb-0000-4000-8000-00000000bec0";
  static constexpr const char* kClientSecret = "bench-client-secret";
  static constexpr const char* kSubscription = "00000000-1111-2222-3333-444444444444";
  static constexpr const char* kResourceGroup = "test-rg";
  static constexpr const char* kWorkspace = "my-aml-workspace";

  explicit EmulatorProcess(const EmulatorConfig& config);
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  bool https() const { return https_; }
  pid_t pid() const { return pid_; }
  const std::string& baseUrl() const { return baseUrl_; }
  const std::string& caCertPath() const { return caPath_; }
  // ".../workspaces/{ws}/jobs/{name}?api-version=2024-10-01" (absolute).
  std::string jobUrl(const std::string& name) const;
  // The run's Run History URL on this emulator (its discovery document's `api` host is the base URL).
  std::string historyRunUrl(const std::string& name) const;
  // The plugin's platform settings for this emulator, signing in as the bench's service principal.
  std::vector<std::pair<std::string, std::string>> pluginSettings() const {
    return settingsFor(baseUrl_, caPath_);
  }
  // The same for any emulator URL (HTTPS when `caPath` is set), for child processes.
  static std::vector<std::pair<std::string, std::string>> settingsFor(const std::string& baseUrl,
                                                                      const std::string& caPath);

  // Admin API: the reply body; throws std::runtime_error on a non-2xx.
  std::string admin(const std::string& method, const std::string& path, const std::string& body = {}) const;
  // A bearer token minted for ARM (for wrk and the JavaScript SDK).
  std::string mintArmToken() const;

  struct Stats {
    long tokensIssued = 0;  // to the bench's client
    long jobsGet = 0, jobsPut = 0, jobsList = 0, historyRun = 0, historyChildren = 0, workspaceGet = 0;
    long connectionsAccepted = 0;
  };
  Stats stats() const;

  // CPU time (user + system) the emulator process has used so far, in seconds (/proc/PID/stat).
  double cpuSeconds() const;

 private:
  bool https_;
  pid_t pid_ = -1;
  std::string baseUrl_;
  std::string caPath_;
  unsigned short port_ = 0;
};

}  // namespace bench
