#include "azureml_emulator/Workspace.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <mutex>
#include <stdexcept>

#include "ArmError.h"
#include "JobBody.h"
#include "JsonText.h"
#include "PipelineJobValidator.h"
#include "RunClock.h"
#include "TimeText.h"
#include "WorkspaceContext.h"

namespace azureml_emulator {

namespace {

int tagInt(const std::map<std::string, std::string>& tags, const std::string& key, int fallback) {
  auto it = tags.find(key);
  int value = 0;
  if (it == tags.end() || !Poco::NumberParser::tryParse(it->second, value) || value < 1) return fallback;
  return value;
}

std::string tagText(const std::map<std::string, std::string>& tags, const std::string& key) {
  auto it = tags.find(key);
  return it == tags.end() ? "" : it->second;
}

// The run script lives in the job's tags (copied from its template by whoever submits it).
RunScript scriptFromTags(const std::map<std::string, std::string>& tags, int runningSteps) {
  RunScript script;
  script.behavior = tagText(tags, "emulator.behavior");
  script.runningSteps = tagInt(tags, "emulator.runningSteps", script.behavior == "slow" ? 40 : runningSteps);
  script.cancelSteps = tagInt(tags, "emulator.cancelSteps", script.behavior == "slow-cancel" ? 20 : 1);
  script.failStep = tagText(tags, "emulator.failStep");
  script.errorMessage = tagText(tags, "emulator.errorMessage");
  if (const std::string code = tagText(tags, "emulator.errorCode"); !code.empty()) script.errorCode = code;
  script.stages = tagText(tags, "emulator.stages") != "omit";
  return script;
}

bool isArchivedIn(const Poco::JSON::Object::Ptr& properties) {
  return properties->has("isArchived") && !properties->get("isArchived").isEmpty() &&
         properties->get("isArchived").convert<bool>();
}

std::string firstChangedField(const JobBody& before, const JobBody& after) {
  for (const auto& [name, value] : after.canonicalFields) {
    auto it = before.canonicalFields.find(name);
    if (it == before.canonicalFields.end() || it->second != value) return name;
  }
  for (const auto& [name, value] : before.canonicalFields)
    if (!after.canonicalFields.count(name)) return name;
  return "properties";
}

}  // namespace

Workspace::Workspace(std::shared_ptr<const WorkspaceContext> context)
    : context_(std::move(context)), clock_(std::make_unique<RunClock>(context_->stepMillis)) {}

Workspace::~Workspace() = default;

const RunClock& Workspace::clock() const { return *clock_; }

void Workspace::insert(std::shared_ptr<Job> job) {
  auto [it, inserted] = byName_.emplace(job->name, order_.size());
  if (!inserted) {
    order_[it->second] = std::move(job);
    return;
  }
  order_.push_back(std::move(job));
}

std::shared_ptr<Job>* Workspace::lookup(const std::string& name) {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &order_[it->second];
}

const Job* Workspace::lookup(const std::string& name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : order_[it->second].get();
}

void Workspace::addTemplate(const std::string& name, const std::string& propertiesJson,
                            const std::string& status, int64_t createdAtMs) {
  ValidatedJob validated;
  try {
    PipelineJobValidator::checkJobName(name);
    validated = PipelineJobValidator::validateProperties(json::parseObject(propertiesJson));
  } catch (const JobRejection& e) {
    throw std::invalid_argument("template '" + name + "' would be refused by Azure ML (" + e.code +
                                "): " + e.what());
  }
  auto job = std::make_shared<Job>();
  job->name = name;
  job->body = JobBody::build(validated.properties, validated.needsUserToken, *context_);
  TagSet tags = TagSet::from(validated.properties);
  job->tags = tags.values;
  job->tagsJson = tags.json;
  job->archived = isArchivedIn(validated.properties);
  job->createdAtMs = createdAtMs != 0 ? createdAtMs : timetext::nowMillis() - 86'400'000;
  job->modifiedAtMs = job->createdAtMs;
  job->fixedStatus = status.empty() ? "Completed" : status;
  job->script = scriptFromTags(*job->tags, context_->runningSteps);
  std::unique_lock lock(mutex_);
  insert(std::move(job));
}

void Workspace::generateJobs(size_t count, const std::string& templateName, const std::string& prefix) {
  std::unique_lock lock(mutex_);
  const Job* found = static_cast<const Workspace*>(this)->lookup(templateName);
  if (!found)
    throw std::invalid_argument("cannot generate jobs from '" + templateName +
                                "': no such template in the workspace");
  const Job source = *found;
  const int64_t base = timetext::nowMillis() - static_cast<int64_t>(count) * 1000 - 3'600'000;
  order_.reserve(order_.size() + count);
  byName_.reserve(byName_.size() + count);
  for (size_t i = 1; i <= count; ++i) {
    auto job = std::make_shared<Job>(source);  // shares body and tags
    std::string number = std::to_string(i);
    job->name = prefix + std::string(number.size() < 6 ? 6 - number.size() : 0, '0') + number;
    job->createdAtMs = base + static_cast<int64_t>(i) * 1000;
    job->modifiedAtMs = job->createdAtMs;
    insert(std::move(job));
  }
}

PutOutcome Workspace::put(const std::string& name, const std::string& requestBody,
                          const std::string& principal) {
  try {
    PipelineJobValidator::checkJobName(name);
    return store(name, PipelineJobValidator::validate(requestBody), principal);
  } catch (const JobRejection& e) {
    return PutOutcome{e.status, armErrorBody(e.code, e.what(), e.target)};
  }
}

PutOutcome Workspace::store(const std::string& name, const ValidatedJob& validated,
                            const std::string& principal) {
  auto body = JobBody::build(validated.properties, validated.needsUserToken, *context_);
  TagSet tags = TagSet::from(validated.properties);
  const int64_t now = timetext::nowMillis();
  std::unique_lock lock(mutex_);
  if (auto* slot = lookup(name)) {
    const Job& existing = **slot;
    if (existing.body->canonical != body->canonical) {
      const std::string field = firstChangedField(*existing.body, *body);
      return PutOutcome{409,
                        armErrorBody("JobPropertyImmutable",
                                     "Job '" + name + "' already exists and its '" + field +
                                         "' differs from the request. A job is immutable once submitted; "
                                         "only its tags (and isArchived) can be updated.",
                                     "properties." + field)};
    }
    // The same definition again (a retried submission): replace the tags, answer with the existing job.
    auto updated = std::make_shared<Job>(existing);
    updated->tags = tags.values;
    updated->tagsJson = tags.json;
    updated->archived = isArchivedIn(validated.properties);
    updated->modifiedAtMs = now;
    *slot = updated;
    return PutOutcome{200, render(*updated, now)};
  }
  auto job = std::make_shared<Job>();
  job->name = name;
  job->body = std::move(body);
  job->tags = tags.values;
  job->tagsJson = tags.json;
  job->archived = isArchivedIn(validated.properties);
  job->createdAtMs = now;
  job->modifiedAtMs = now;
  job->isRun = true;
  job->script = scriptFromTags(*job->tags, context_->runningSteps);
  job->createdBy = principal.empty() ? "emulator" : principal;
  std::string rendered = render(*job, now);
  insert(std::move(job));
  return PutOutcome{201, std::move(rendered)};
}

// Once a pipeline has completed (or failed), Azure records its execution window in properties.properties; the
// recorded Canceled pipeline has none, and neither do jobs scripted with "emulator.stages": "omit" (as older
// jobs lack it), which leaves Run History as the only source of the times.
static std::string stagesProperty(const RunState& state) {
  if ((state.status != "Completed" && state.status != "Failed") || state.startMs == 0 || state.endMs == 0)
    return "";
  const std::string outcome = state.status == "Completed" ? "Finished" : state.status;
  const std::string stages = "{\"Initialization\":null,\"Execution\":{\"StartTime\":\"" +
                             timetext::runHistory(state.startMs) + "\",\"EndTime\":\"" +
                             timetext::runHistory(state.endMs) + "\",\"Status\":\"" + outcome + "\"}}";
  return ",\"azureml.pipelines.stages\":" + json::quote(stages);
}

std::string Workspace::render(const Job& job, int64_t nowMs) const {
  const RunState state = clock_->run(job, nowMs);
  const JobBody& body = *job.body;
  std::string out;
  out.reserve(body.bytes + job.tagsJson->size() + 900);
  out += "{\"id\":\"";
  out += context_->workspaceId();
  out += "/jobs/";
  out += job.name;
  out += "\",\"name\":\"";
  out += job.name;
  out += "\",\"type\":\"Microsoft.MachineLearningServices/workspaces/jobs\",\"properties\":{\"tags\":";
  out += *job.tagsJson;
  out += ",\"properties\":{";
  out += body.serverProperties;
  if (body.isPipeline && job.script.stages) out += stagesProperty(state);
  out += "},\"status\":";
  json::appendQuoted(out, state.status);
  out += ",\"isArchived\":";
  out += job.archived ? "true" : "false";
  for (size_t i = 0; i < body.tail.size(); ++i) {
    if (i) out += job.name;
    out += body.tail[i];
  }
  // systemData carries only the creation, in Azure's 7-digit form.
  out += "},\"systemData\":{\"createdAt\":\"" + timetext::runHistory(job.createdAtMs) +
         "\",\"createdBy\":" + json::quote(job.createdBy) + ",\"createdByType\":\"" +
         (job.isRun ? "Application" : "User") + "\"}}";
  return out;
}

std::optional<std::string> Workspace::renderJob(const std::string& name) const {
  std::shared_lock lock(mutex_);
  const Job* job = lookup(name);
  if (!job) return std::nullopt;
  return render(*job, timetext::nowMillis());
}

std::optional<Job> Workspace::find(const std::string& name) const {
  std::shared_lock lock(mutex_);
  const Job* job = lookup(name);
  if (!job) return std::nullopt;
  return *job;
}

bool Workspace::withJob(const std::string& name, const std::function<void(const Job&)>& visit) const {
  std::shared_lock lock(mutex_);
  const Job* job = lookup(name);
  if (!job) return false;
  visit(*job);
  return true;
}

bool Workspace::usesCompute(const std::string& name) const {
  std::shared_lock lock(mutex_);
  const JobBody* last = nullptr;
  for (const auto& job : order_) {
    if (job->body.get() == last) continue;  // generated jobs share one body
    last = job->body.get();
    for (const auto& compute : last->computes)
      if (Poco::icompare(compute, name) == 0) return true;
  }
  return false;
}

bool Workspace::usesComponent(const std::string& name, const std::string& version, std::string& type,
                              std::vector<std::string>& inputs, std::vector<std::string>& outputs) const {
  std::shared_lock lock(mutex_);
  const JobBody* last = nullptr;
  for (const auto& job : order_) {
    if (job->body.get() == last) continue;
    last = job->body.get();
    auto it = last->components.find(name + "/" + version);
    if (it == last->components.end()) continue;
    type = it->second.type;
    inputs = it->second.inputs;
    outputs = it->second.outputs;
    return true;
  }
  return false;
}

bool Workspace::exists(const std::string& name) const {
  std::shared_lock lock(mutex_);
  return byName_.count(name) != 0;
}

size_t Workspace::jobCount() const {
  std::shared_lock lock(mutex_);
  return order_.size();
}

std::optional<std::string> Workspace::status(const std::string& name) const {
  std::shared_lock lock(mutex_);
  const Job* job = lookup(name);
  if (!job) return std::nullopt;
  return clock_->run(*job, timetext::nowMillis()).status;
}

bool Workspace::overrideStatus(const std::string& name, const std::string& status) {
  std::unique_lock lock(mutex_);
  auto* slot = lookup(name);
  if (!slot) return false;
  auto updated = std::make_shared<Job>(**slot);
  updated->fixedStatus = status;
  if (status.empty() && !updated->isRun) updated->fixedStatus = "Completed";
  *slot = updated;
  return true;
}

Workspace::CancelResult Workspace::cancel(const std::string& name) {
  const int64_t now = timetext::nowMillis();
  std::unique_lock lock(mutex_);
  auto* slot = lookup(name);
  if (!slot) return CancelResult::NotFound;
  const Job& job = **slot;
  const RunState state = clock_->run(job, now);
  if (RunClock::isTerminal(state.status)) return CancelResult::AlreadyTerminal;
  if (job.cancelRequestedAtMs != 0 || !job.isRun || !job.fixedStatus.empty()) return CancelResult::Accepted;
  auto updated = std::make_shared<Job>(job);
  updated->cancelRequestedAtMs = now;
  *slot = updated;
  return CancelResult::Accepted;
}

Workspace::ListPage Workspace::list(const ListQuery& query) const {
  ListPage page;
  const int64_t now = timetext::nowMillis();
  const std::string view = query.listViewType.empty() ? "ActiveOnly" : query.listViewType;
  std::shared_lock lock(mutex_);
  size_t position = query.start;
  for (; position < order_.size(); ++position) {
    const Job& job = *order_[position];
    if (!query.jobType.empty() && Poco::icompare(job.body->jobType, query.jobType) != 0) continue;
    if (!query.tag.empty() && !job.tags->count(query.tag)) continue;
    if (view == "ActiveOnly" && job.archived) continue;
    if (view == "ArchivedOnly" && !job.archived) continue;
    bool propertiesMatch = true;
    for (const auto& [key, value] : query.properties) {
      auto it = job.body->userProperties.find(key);
      if (it == job.body->userProperties.end() || (value && it->second != *value)) propertiesMatch = false;
    }
    if (!propertiesMatch) continue;
    if (page.items.size() == query.pageSize) break;
    page.items.push_back(render(job, now));
  }
  if (position < order_.size()) page.next = position;
  return page;
}

std::string Workspace::generateLargeTemplate(size_t steps, const std::string& name) {
  // Built as text and parsed once: thousands of steps in well under a second.
  const std::string compute = context_->workspaceId() + "/computes/cpu-cluster";
  std::string text =
      R"J({"jobType":"Pipeline","displayName":"Large pipeline ()J" + std::to_string(steps) +
      R"J( steps)","description":"Generated by azureml-emulator to exercise large templates.",)J"
      R"J("experimentName":"large-pipelines","computeId":")J" +
      compute +
      R"J(",)J"
      R"J("tags":{"generated":"true"},"inputs":{"shard_count":{"jobInputType":"literal","value":")J" +
      std::to_string(steps) +
      R"J("}},"outputs":{"merged":{"jobOutputType":"uri_folder","mode":"ReadWriteMount"}},"jobs":{)J";
  for (size_t i = 0; i < steps; ++i) {
    const std::string step = "shard_" + std::to_string(i);
    if (i) text += ',';
    text +=
        "\"" + step + R"J(":{"type":"command","name":")J" + step + R"J(","componentId":")J" +
        context_->workspaceId() + R"J(/components/process_shard/versions/3","computeId":")J" + compute +
        R"J(","_source":"REMOTE.WORKSPACE.COMPONENT",)J"
        R"J("inputs":{"shard_index":{"job_input_type":"literal","value":")J" +
        std::to_string(i) +
        R"J("},"shard_count":{"job_input_type":"literal","value":"${{parent.inputs.shard_count}}"}},)J"
        R"J("outputs":{"shard_output":{"job_output_type":"uri_folder","mode":"ReadWriteMount"}},)J"
        R"J("environment_variables":{"SHARD_BUFFER_MB":"256","LOG_LEVEL":"INFO","RETRIES":"3"},)J"
        R"J("resources":{"instance_count":1,"shm_size":"2g"},"distribution":null,"limits":{"timeout":7200},)J"
        R"J("tags":{"generated":"true","stage":"map"},"properties":{},)J"
        R"J("description":"Processes one shard of the input dataset. This step was generated to make the )J"
        R"J(template large enough to exercise streaming parsers, response size limits and request body limits."})J";
  }
  text += R"J(},"settings":{"default_compute":")J" + compute + R"J(","continue_on_step_failure":false}})J";
  addTemplate(name, text, "Completed");
  return name;
}

}  // namespace azureml_emulator
