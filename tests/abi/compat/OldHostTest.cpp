// A host built before ABI 1.1: this file is compiled against the frozen 1.0 headers (compat/abi_1_0/) and
// nothing else of this tree, exactly as a Polysync runtime of that time was. It loads today's plugins, says
// it implements minor 0, and polls with its 1.0 status sink, which ends where 1.1 appended set_progress. The
// sink is allocated at exactly its 1.0 size, so a plugin reading set_progress past struct_size is a
// heap-buffer-overflow under AddressSanitizer (the asan preset CI runs), not a silent pass.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "polysync/jobtype_v1.h"

static_assert(PSJ_ABI_MINOR == 0, "this host must be built against the frozen 1.0 headers");
static_assert(sizeof(psj_status_sink) == 72, "the 1.0 status sink");

namespace {

std::mutex g_lock;
std::vector<std::string> g_log;

struct Recorded {
  int setStateCalls = 0;
  int32_t state = -1;
  std::string raw;
  bool startTime = false;
  std::vector<std::pair<std::string, std::string>> outputs;
  int errorCalls = 0;
  int32_t errorCode = 0;
  std::string errorMessage;
};

// The 1.0 host table: log, no extensions.
psj_host makeHost() {
  psj_host host{};
  host.struct_size = sizeof(psj_host);
  host.abi_minor = PSJ_ABI_MINOR;
  host.host_name = "old-host-1.0";
  host.host_version = "1.0.0";
  host.log_enabled = [](const psj_host*, int32_t) -> int32_t { return 1; };
  host.log = [](const psj_host*, int32_t, const char* message, uint64_t len) {
    std::lock_guard<std::mutex> lock(g_lock);
    g_log.emplace_back(message, len);
  };
  host.get_extension = [](const psj_host*, const char*) -> const void* { return nullptr; };
  return host;
}

Recorded& recordOf(const void* hostData) { return *static_cast<Recorded*>(const_cast<void*>(hostData)); }

std::unique_ptr<psj_call_context> makeContext(Recorded& record) {
  auto ctx = std::make_unique<psj_call_context>();
  ctx->struct_size = sizeof(psj_call_context);
  ctx->host_data = &record;
  ctx->remaining_ms = [](const psj_call_context*) -> int64_t { return 5000; };
  ctx->is_interrupted = [](const psj_call_context*) -> int32_t { return 0; };
  ctx->set_interrupt_handler = [](const psj_call_context*, psj_interrupt_handler, void*) {};
  ctx->set_error = [](const psj_call_context* c, int32_t code, const char* message, uint64_t len) {
    ++recordOf(c->host_data).errorCalls;
    recordOf(c->host_data).errorCode = code;
    recordOf(c->host_data).errorMessage.assign(message, len);
  };
  ctx->set_retry_after_ms = [](const psj_call_context*, int64_t) {};
  return ctx;
}

// Exactly sizeof(the 1.0 psj_status_sink) on the heap: nothing after set_next_poll_ms.
std::unique_ptr<psj_status_sink> makeStatusSink(Recorded& record) {
  auto sink = std::make_unique<psj_status_sink>();
  sink->struct_size = sizeof(psj_status_sink);
  sink->host_data = &record;
  sink->set_state = [](const psj_status_sink* s, int32_t state, const char* raw, uint64_t len) {
    Recorded& r = recordOf(s->host_data);
    ++r.setStateCalls;
    r.state = state;
    r.raw.assign(raw, len);
  };
  sink->set_start_time = [](const psj_status_sink* s, int64_t) { recordOf(s->host_data).startTime = true; };
  sink->set_end_time = [](const psj_status_sink*, int64_t) {};
  sink->set_message = [](const psj_status_sink*, const char*, uint64_t) {};
  sink->add_output = [](const psj_status_sink* s, const char* n, uint64_t nl, const char* v, uint64_t vl) {
    recordOf(s->host_data).outputs.emplace_back(std::string(n, nl), std::string(v, vl));
  };
  sink->set_monitor_url = [](const psj_status_sink*, const char*, uint64_t) {};
  sink->set_next_poll_ms = [](const psj_status_sink*, int64_t) {};
  return sink;
}

class OldHost : public ::testing::Test {
 protected:
  void load(const std::string& library) {
    handle_ = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle_, nullptr) << dlerror();
    auto entryFn = reinterpret_cast<psj_entry_fn>(dlsym(handle_, PSJ_ENTRY_SYMBOL));
    ASSERT_NE(entryFn, nullptr);
    entry_ = entryFn();
    ASSERT_GE(entry_->struct_size, sizeof(psj_plugin_entry));
    ASSERT_EQ(entry_->abi_major, PSJ_ABI_MAJOR);
    EXPECT_GE(entry_->abi_minor, 1u) << "today's plugin is newer than this host";
    ASSERT_LE(entry_->min_host_minor, PSJ_ABI_MINOR) << "and still accepts a 1.0 host";
    // The effective minor is the lower one: this host's.
    ASSERT_EQ(entry_->init(&host_, library.c_str(), PSJ_ABI_MINOR), PSJ_OK);
    initialised_ = true;
    jobType_ = entry_->job_type_at(0);
    ASSERT_NE(jobType_, nullptr);
  }
  void TearDown() override {
    if (instance_ != nullptr) jobType_->destroy(instance_);
    if (initialised_) entry_->deinit();
    if (handle_ != nullptr) dlclose(handle_);
  }
  void create(const std::vector<psj_kv>& settings) {
    std::vector<const psj_kv*> pointers;
    for (const psj_kv& kv : settings) pointers.push_back(&kv);
    Recorded record;
    auto ctx = makeContext(record);
    ASSERT_EQ(jobType_->create(jobType_, pointers.data(), pointers.size(), ctx.get(), &instance_), PSJ_OK)
        << record.errorMessage;
  }
  int32_t poll(const std::string& runId, Recorded& record,
               const std::vector<const psj_parameter*>& parameters = {}) {
    auto ctx = makeContext(record);
    auto sink = makeStatusSink(record);
    psj_run_ref ref{};
    ref.struct_size = sizeof(psj_run_ref);
    ref.run_id = psj_str{runId.c_str(), runId.size()};
    ref.parameters = parameters.empty() ? nullptr : parameters.data();
    ref.parameter_count = parameters.size();
    return jobType_->poll(instance_, ctx.get(), &ref, sink.get());
  }
  static psj_kv kv(const char* key, const char* value) {
    return psj_kv{sizeof(psj_kv), 0, psj_str{key, std::strlen(key)}, psj_str{value, std::strlen(value)}};
  }

  psj_host host_ = makeHost();
  void* handle_ = nullptr;
  const psj_plugin_entry* entry_ = nullptr;
  bool initialised_ = false;
  const psj_job_type* jobType_ = nullptr;
  psj_instance* instance_ = nullptr;
};

TEST_F(OldHost, LoadsTodaysEchoJobAndPollsItWithItsShorterStatusSink) {
  load(std::string(OLD_HOST_PLUGIN_DIR) + "/polysync_echo_job.so");
  create({kv("Greeting", "hello")});
  Recorded running;
  ASSERT_EQ(poll("echo-old-host", running), PSJ_OK);
  EXPECT_EQ(running.state, PSJ_STATE_RUNNING) << "the poll that reports progress to a 1.1 host";
  EXPECT_TRUE(running.startTime);
  const std::string echoed = "hi";
  const psj_parameter input{sizeof(psj_parameter), PSJ_DIRECTION_INPUT,
                            PSJ_TYPE_STRING,       0,
                            psj_str{"text", 4},    psj_str{echoed.c_str(), echoed.size()}};
  const psj_parameter output{sizeof(psj_parameter), PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, 0,
                             psj_str{"echo", 4},    psj_str{"", 0}};
  Recorded done;
  ASSERT_EQ(poll("echo-old-host", done, {&input, &output}), PSJ_OK);
  EXPECT_EQ(done.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(done.outputs, (std::vector<std::pair<std::string, std::string>>{{"echo", "hi"}}));
}

TEST_F(OldHost, LoadsTodaysPipelinePluginWhichAnswersABadPollWithAWellFormedError) {
  load(std::string(OLD_HOST_PLUGIN_DIR) + "/polysync_aifoundry_pipeline.so");
  // Never real Azure: every endpoint is loopback port 9, where nothing listens. The poll names a RunId Azure
  // could not have given, refused before any request, through the 1.0 context, with its code.
  create({kv("Subscription Id", "00000000-0000-0000-0000-000000000001"), kv("Resource Group Name", "rg-test"),
          kv("Workspace Name", "workspace-test"), kv("Authentication Method", "Service Principal"),
          kv("Tenant Id", "00000000-0000-0000-0000-0000000000aa"),
          kv("Client Id", "00000000-0000-0000-0000-0000000000bb"), kv("Client Secret", "not-a-real-secret"),
          kv("Authority Host", "http://127.0.0.1:9"), kv("Resource Manager Endpoint", "http://127.0.0.1:9"),
          kv("Managed Identity Endpoint", "http://127.0.0.1:9"), kv("Allow Plain HTTP To Loopback", "true"),
          kv("Request Timeout Seconds", "2")});
  Recorded record;
  const int32_t rc = poll("not a run id!", record);
  EXPECT_EQ(rc, PSJ_E_INVALID_ARGUMENT);
  EXPECT_EQ(record.errorCalls, 1);
  EXPECT_EQ(record.errorCode, rc);
  EXPECT_EQ(record.errorMessage.find('\n'), std::string::npos) << "one line: " << record.errorMessage;
  EXPECT_EQ(record.setStateCalls, 0);
}

}  // namespace
