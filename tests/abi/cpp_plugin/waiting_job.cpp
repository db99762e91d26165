// A job type on the header-only C++ layer whose run of external id "block" waits until interrupted or out of
// time (Call::sleep_for): the contract tests check the layer's deadline rule (Timeout at the deadline,
// Interrupted before it) and that its interrupt handler never outlives the call.
#include <chrono>
#include <polysync/jobtype_v1.hpp>
#include <string>

namespace psj = polysync::jobtype_v1;

class WaitingJob {
 public:
  static constexpr const char* id = "test.cpp-waiting-job";
  static constexpr const char* display_name = "C++ Waiting Job";

  explicit WaitingJob(const psj::Settings& settings) : token_(settings.require("Token")) {}

  std::string test_connection(psj::Call& call) {
    call.check();
    return "nothing to reach";
  }

  void import_jobs(psj::Call&, std::string_view, psj::Importer& out) {
    out.emit({"block", "Block", "Waits until interrupted", {}});
  }

  void run(psj::Call& call, const psj::RunRequest& request, psj::RunResult& result) {
    if (request.external_id() == "block") {
      for (;;) call.sleep_for(std::chrono::hours(1));  // ends by throwing Timeout or Interrupted
    }
    result.set_run_id("waiting-" + std::string(request.external_id()));
  }

  void poll(psj::Call&, const psj::RunRef& run, psj::Status& status) {
    if (run.run_id().substr(0, 8) == "waiting-")
      status.set_state(PSJ_STATE_FAILED, "Failed");  // no message: the layer must supply one
    else
      status.set_state(PSJ_STATE_SUCCESS, "Completed");
  }

  void cancel(psj::Call&, const psj::RunRef&, psj::Status& status) {
    status.set_state(PSJ_STATE_CANCELLED, "Canceled");
  }

 private:
  const std::string token_;
};

POLYSYNC_JOBTYPE_V1_PLUGIN("test.cpp-waiting", "1.0.0", WaitingJob)
