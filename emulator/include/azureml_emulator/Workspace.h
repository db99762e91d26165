// Workspace: the jobs of one Azure ML workspace (templates and submitted runs), shared by all routes.
// Thread-safe: readers (GET, list) share a lock, writers (PUT, cancel) take it alone.
// Jobs are stored compactly: generated jobs share one immutable body and one tag set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace azureml_emulator {

struct JobBody;
struct ValidatedJob;
struct WorkspaceContext;
class RunClock;

// A job's run script, read from its tags when the job is created (see README, "Scripting runs").
struct RunScript {
  std::string behavior;  // "", "fail", "fail-in-child", "hang", "slow", "slow-cancel"
  int runningSteps = 1;  // how many clock steps Running lasts
  int cancelSteps = 1;   // how many clock steps CancelRequested lasts
  std::string failStep;  // the step that fails (default: the last one)
  std::string errorCode = "UserError";
  std::string errorMessage;  // default: a realistic message naming the step
  bool stages = true;        // azureml.pipelines.stages once finished ("emulator.stages" = "omit": never)
};

struct Job {
  std::string name;
  std::shared_ptr<const JobBody> body;
  std::shared_ptr<const std::map<std::string, std::string>> tags;
  std::shared_ptr<const std::string> tagsJson;
  bool archived = false;
  int64_t createdAtMs = 0;
  int64_t modifiedAtMs = 0;
  int64_t cancelRequestedAtMs = 0;  // 0 = never
  bool isRun = false;               // submitted through PUT: its status moves on the clock
  std::string fixedStatus;          // templates (and overrides): this status, always
  RunScript script;
  std::string createdBy = "emulator";
};

// The result of a PUT, as the ARM route answers it.
struct PutOutcome {
  int status = 0;    // 201 created, 200 updated (same body), 4xx with errorBody
  std::string body;  // the job JSON or the ARM error body
};

class Workspace {
 public:
  explicit Workspace(std::shared_ptr<const WorkspaceContext> context);
  ~Workspace();

  // Adds a template (a finished job) from ARM-shaped job properties, validated as a PUT would be.
  // Throws std::invalid_argument with the service's message when the body would be refused.
  void addTemplate(const std::string& name, const std::string& propertiesJson,
                   const std::string& status = "Completed", int64_t createdAtMs = 0);
  // Adds `count` finished jobs named prefix000001... sharing `templateName`'s body (compact; 100,000 is
  // fine).
  void generateJobs(size_t count, const std::string& templateName,
                    const std::string& prefix = "generated-job-");
  // Adds a template with `steps` pipeline steps (several MB with thousands), returning its name.
  std::string generateLargeTemplate(size_t steps, const std::string& name = "large-pipeline-template");

  // PUT without the authentication checks (the ARM route does those): validate, then store.
  PutOutcome put(const std::string& name, const std::string& requestBody, const std::string& principal = "");
  // Stores an already validated job: 201 created, 200 same body again (tags replaced), 409 changed body.
  PutOutcome store(const std::string& name, const ValidatedJob& job, const std::string& principal);
  std::optional<std::string> renderJob(const std::string& name) const;  // ARM JSON of the job
  std::optional<Job> find(const std::string& name) const;               // a snapshot
  bool exists(const std::string& name) const;
  size_t jobCount() const;
  std::optional<std::string> status(const std::string& name) const;  // the status a GET would show now
  // Forces a job to show `status` from now on (e.g. "Paused", "Unknown"); empty restores the clock.
  bool overrideStatus(const std::string& name, const std::string& status);

  enum class CancelResult { NotFound, Accepted, AlreadyTerminal };
  CancelResult cancel(const std::string& name);

  struct ListQuery {
    std::string jobType;       // case-insensitive match of properties.jobType
    std::string tag;           // jobs carrying this tag key
    std::string listViewType;  // ActiveOnly (default), ArchivedOnly, All
    std::vector<std::pair<std::string, std::optional<std::string>>> properties;  // name[=value]
    size_t start = 0;  // position in creation order to resume from
    size_t pageSize = 50;
  };
  struct ListPage {
    std::vector<std::string> items;  // rendered jobs
    std::optional<size_t> next;      // where the next page starts, when there is one
  };
  ListPage list(const ListQuery& query) const;

  // What the jobs use, for the compute and component routes: whether a compute of that name is used, and the
  // inputs/outputs ("name/version" of a component) its steps bind; false when no job uses it.
  bool usesCompute(const std::string& name) const;
  bool usesComponent(const std::string& name, const std::string& version, std::string& type,
                     std::vector<std::string>& inputs, std::vector<std::string>& outputs) const;

  // Visits the job under the read lock (Run History uses it); false when absent.
  bool withJob(const std::string& name, const std::function<void(const Job&)>& visit) const;
  const RunClock& clock() const;

 private:
  std::string render(const Job& job, int64_t nowMs) const;
  void insert(std::shared_ptr<Job> job);

  std::shared_ptr<const WorkspaceContext> context_;
  std::unique_ptr<RunClock> clock_;
  mutable std::shared_mutex mutex_;
  std::shared_ptr<Job>* lookup(const std::string& name);
  const Job* lookup(const std::string& name) const;

  std::unordered_map<std::string, size_t> byName_;  // name -> position in order_
  std::vector<std::shared_ptr<Job>> order_;         // creation order; list positions index into it
  // Jobs are replaced, never changed in place (copy on write), so a rendered snapshot stays consistent.
};

}  // namespace azureml_emulator
