#include "azureml/JobDecoder.h"

#include "azureml/ErrorField.h"
#include "azureml/PipelineStages.h"
#include "azureml/StatusDecoder.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

// Keys are compared as string_views: length first, no strlen() per comparison (a poll compares ~100).
using namespace std::string_view_literals;

JobInput decodeInput(const std::string& name, common::JsonView v) {
  JobInput in;
  in.name = name;
  v.forEachMember([&](const std::string& key, common::JsonView field) {
    if (key == "jobInputType"sv)
      in.jobInputType = field.text();
    else if (key == "value"sv)
      in.value = field.text();
    else if (key == "uri"sv)
      in.uri = field.text();
    else if (key == "mode"sv)
      in.mode = field.text();
    else if (key == "description"sv)
      in.description = field.text();
  });
  in.literal = common::ascii::iequals(in.jobInputType, "literal");
  return in;
}

JobOutput decodeOutput(const std::string& name, common::JsonView v) {
  JobOutput out;
  out.name = name;
  v.forEachMember([&](const std::string& key, common::JsonView field) {
    if (key == "jobOutputType"sv)
      out.jobOutputType = field.text();
    else if (key == "uri"sv)
      out.uri = field.text();
    else if (key == "value"sv)
      out.value = common::nonEmptyTextOf(field);
    else if (key == "mode"sv)
      out.mode = field.text();
    else if (key == "description"sv)
      out.description = field.text();
  });
  return out;
}

IdentityType identityOf(const std::string& type) {
  if (type.empty()) return IdentityType::None;
  if (common::ascii::iequals(type, "UserIdentity")) return IdentityType::UserIdentity;
  if (common::ascii::iequals(type, "Managed")) return IdentityType::Managed;
  if (common::ascii::iequals(type, "AMLToken")) return IdentityType::AMLToken;
  return IdentityType::Other;
}

std::string studioEndpoint(common::JsonView services) {
  std::optional<common::JsonView> studio = services.member("Studio");
  if (!studio)
    services.forEachMember([&](const std::string& key, common::JsonView v) {
      if (!studio && common::ascii::iequals(key, "Studio")) studio = v;
    });
  return studio ? common::textOf(studio->member("endpoint")) : std::string();
}

// The properties a poll reports (docs/azure-contract.md, "Poll"). True when `key` is one of them.
bool readPollField(const std::string& key, common::JsonView v, Job& job) {
  if (key == "status"sv)
    job.status = v.text();
  else if (key == "startTime"sv)
    job.startTime = common::nonEmptyTextOf(v);
  else if (key == "endTime"sv)
    job.endTime = common::nonEmptyTextOf(v);
  else if (key == "error"sv) {
    const ErrorField error = ErrorField::read(v);
    job.errorCode = error.code;
    job.errorMessage = error.message;
  } else if (key == "services"sv)
    job.studioEndpoint = studioEndpoint(v);
  else
    return false;
  return true;
}

void readOutputs(common::JsonView outputs, Job& job) {
  job.outputs.clear();
  outputs.forEachMember(
      [&](const std::string& k, common::JsonView out) { job.outputs.push_back(decodeOutput(k, out)); });
}

// The properties only templates, imports and submissions need.
void readDescriptiveField(const std::string& key, common::JsonView v, Job& job) {
  if (key == "displayName"sv)
    job.displayName = v.text();
  else if (key == "description"sv)
    job.description = v.text();
  else if (key == "jobType"sv)
    job.jobType = v.text();
  else if (key == "experimentName"sv)
    job.experimentName = v.text();
  else if (key == "computeId"sv)
    job.computeId = v.text();
  else if (key == "identity"sv) {
    job.identityTypeText = v.isObject() ? common::textOf(v.member("identityType")) : std::string();
    job.identity = identityOf(job.identityTypeText);
  } else if (key == "tags"sv) {
    job.tags.clear();
    v.forEachMember([&](const std::string& k, common::JsonView t) { job.tags.emplace_back(k, t.text()); });
  } else if (key == "inputs"sv) {
    job.inputs.clear();
    v.forEachMember(
        [&](const std::string& k, common::JsonView in) { job.inputs.push_back(decodeInput(k, in)); });
  } else if (key == "outputs"sv) {
    readOutputs(v, job);
  }
}

// A finished pipeline's times from azureml.pipelines.stages, where the job resource has none of its own.
// Only for terminal states: the key appears once a pipeline has run, and polls of live runs stay cheap.
void fillStageTimes(const std::optional<common::JsonView>& serverProperties, Job& job) {
  if (!serverProperties || (job.startTime && job.endTime) || !StatusDecoder::isTerminalStatus(job.status))
    return;
  const StageTimes stages = PipelineStages::executionTimes(*serverProperties);
  if (!job.startTime) job.startTime = stages.startTime;
  if (!job.endTime) job.endTime = stages.endTime;
}

void readProperties(common::JsonView p, Job& job) {
  std::optional<common::JsonView> serverProperties;  // properties.properties: Azure's own string map
  p.forEachMember([&](const std::string& key, common::JsonView v) {
    if (readPollField(key, v, job)) return;
    if (key == "properties"sv)
      serverProperties = v;
    else
      readDescriptiveField(key, v, job);
  });
  fillStageTimes(serverProperties, job);
}

// Calls onProperties for each `properties` member of the resource and reads its other top-level fields.
template <typename OnProperties>
void readResource(common::JsonView resource, Job& job, bool withId, const OnProperties& onProperties) {
  resource.forEachMember([&](const std::string& key, common::JsonView v) {
    if (key == "name"sv)
      job.name = v.text();
    else if (key == "id"sv && withId)
      job.id = v.text();
    else if (key == "properties"sv)
      onProperties(v);
    else if (key == "systemData"sv)
      job.createdAt = v.isObject() ? common::nonEmptyTextOf(v.member("createdAt")) : std::nullopt;
  });
}

}  // namespace

Job JobDecoder::decode(std::string_view json, std::string_view what) {
  return decode(common::JsonView::parse(json, what));
}

Job JobDecoder::decode(common::JsonView resource) {
  Job job;
  readResource(resource, job, true, [&](common::JsonView properties) { readProperties(properties, job); });
  return job;
}

Job JobDecoder::decodeForPoll(common::JsonView resource) {
  Job job;
  std::optional<common::JsonView>
      outputs;  // the last `outputs`, as decode() keeps; read once the status is known
  std::optional<common::JsonView> serverProperties;
  std::optional<common::JsonView> steps;
  readResource(resource, job, false, [&](common::JsonView properties) {
    properties.forEachMember([&](const std::string& key, common::JsonView v) {
      if (readPollField(key, v, job)) return;
      if (key == "outputs"sv)
        outputs = v;
      else if (key == "properties"sv)
        serverProperties = v;
      else if (key == "jobs"sv && v.isObject())
        steps = v;
      else if (key == "jobType"sv)
        job.jobType = v.text();  // only a pipeline has steps to report
    });
  });
  if (outputs && StatusDecoder::isTerminalStatus(job.status)) readOutputs(*outputs, job);
  if (steps && !StatusDecoder::isTerminalStatus(job.status)) {
    std::size_t count = 0;
    steps->forEachMember([&](const std::string&, common::JsonView) { ++count; });
    job.declaredSteps = count;
  }
  fillStageTimes(serverProperties, job);
  return job;
}

}  // namespace aifoundry::azureml
