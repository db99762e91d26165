// A job type in C++: copy this folder, rename the ids, and fill in the calls with your platform's API.
#include <polysync/jobtype_v1.hpp>
#include <string>

namespace psj = polysync::jobtype_v1;

class HelloJob {
 public:
  static constexpr const char* id = "example.hello-job";
  static constexpr const char* display_name = "Hello Job";
  static constexpr uint32_t capabilities = PSJ_CAP_STATELESS_POLL | PSJ_CAP_IDEMPOTENT_RUN | PSJ_CAP_OUTPUTS;
  static constexpr const char* settings_schema =
      R"({"type":"object","required":["Greeting"],"properties":{"Greeting":{"type":"string"}}})";

  explicit HelloJob(const psj::Settings& settings) : greeting_(settings.require("Greeting")) {}

  std::string test_connection(psj::Call&) { return "the greeting is set (nothing to reach)"; }

  void import_jobs(psj::Call&, std::string_view, psj::Importer& out) {
    out.emit({"template",
              "Say hello",
              "Greets whoever is named",
              {{"name", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING}}});
  }

  void run(psj::Call& call, const psj::RunRequest& request, psj::RunResult& result) {
    call.check();  // a passed deadline throws PSJ_E_TIMEOUT, an interrupt PSJ_E_INTERRUPTED
    if (request.idempotency_key().empty())
      throw psj::Error(PSJ_E_INVALID_ARGUMENT, "an idempotency key is required");
    result.set_run_id(request.idempotency_key());  // the same key names the same run: submitted exactly once
  }

  void poll(psj::Call&, const psj::RunRef& run, psj::Status& status) {
    status.set_state(PSJ_STATE_SUCCESS, "Completed");
    status.add_output("greeting", greeting_ + ", " + std::string(run.parameters().get("name", "world")));
  }

  void cancel(psj::Call&, const psj::RunRef&, psj::Status& status) {
    status.set_state(PSJ_STATE_CANCELLED, "Canceled");
  }

 private:
  const std::string greeting_;
};

POLYSYNC_JOBTYPE_V1_PLUGIN("example.hello", "1.0.0", HelloJob)
