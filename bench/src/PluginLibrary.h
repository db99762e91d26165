// PluginLibrary: the plugin driven through its C ABI exactly as a host would — open (the stub host's
// polysync::host::openPluginLibrary, the one loader of this repository), entry, init, create,
// then poll / run / import on an instance — with the thinnest possible host side (no logging, no extensions,
// no deadline), so what the benchmark times is the plugin and not a host's bookkeeping.
//
// Ownership: a PluginLibrary calls deinit when destroyed (the library stays mapped); an Instance
// borrows its PluginLibrary and must be destroyed first. Threads: poll/run/import may be called from any
// thread at once (the ABI allows it); load/create/destroy from one thread.
#pragma once

#include <polysync/jobtype_v1.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

// Thrown when the plugin refuses something: the callback's code and message.
struct PluginError : std::runtime_error {
  PluginError(int32_t c, const std::string& message) : std::runtime_error(message), code(c) {}
  int32_t code;
};

class PluginLibrary;

class Instance {
 public:
  ~Instance();
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  // The run's state (PSJ_STATE_*); throws PluginError.
  int32_t poll(std::string_view runId) const;
  // What a host scheduling polls reads from one: the state, the end time and the next-poll hint.
  struct PollStatus {
    int32_t state = -1;
    int64_t endMs = -1;       // Unix ms; -1 when not reported
    int64_t nextPollMs = -1;  // -1 when not reported
  };
  PollStatus pollStatus(std::string_view runId) const;
  // Submits a run of `externalId` with literal string parameters; returns the run id.
  std::string run(std::string_view externalId, const std::map<std::string, std::string>& parameters,
                  std::string_view idempotencyKey) const;
  // Imports, handing each job's external id to `onJob`; returns the count.
  uint64_t importJobs(const std::function<void(std::string_view externalId)>& onJob) const;

 private:
  friend class PluginLibrary;
  Instance(const psj_job_type* type, psj_instance* instance) : type_(type), instance_(instance) {}
  const psj_job_type* type_;
  psj_instance* instance_;
};

class PluginLibrary {
 public:
  // Open (RTLD_NOW | RTLD_LOCAL, kept mapped) + entry + init; throws std::runtime_error.
  explicit PluginLibrary(const std::string& path);
  ~PluginLibrary();
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  // job_type->create with these settings (Client Secret flagged secret); throws PluginError.
  using Settings = std::vector<std::pair<std::string, std::string>>;
  std::unique_ptr<Instance> create(const Settings& settings) const;

 private:
  const psj_plugin_entry* entry_ = nullptr;
  const psj_job_type* type_ = nullptr;
};

}  // namespace bench
