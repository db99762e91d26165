#include "azureml/JobDecoder.h"

#include <cstddef>
#include <string>

#include "azureml/ErrorField.h"
#include "azureml/PipelineStages.h"
#include "azureml/StatusDecoder.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

// Keys are compared as string_views: length first, no strlen() per comparison (a poll compares ~100).
using namespace std::string_view_literals;

// A text member of a decoded struct and the JSON key it is read from.
template <class T>
struct TextMember {
  std::string_view key;
  std::string T::*member;
};

// Sets the member of `target` that `key` names, if one of `members` does; true when one did.
template <class T, std::size_t N>
bool readTextMember(const TextMember<T> (&members)[N], const std::string& key, common::JsonView v,
                    T& target) {
  for (const TextMember<T>& m : members) {
    if (key == m.key) {
      target.*m.member = v.text();
      return true;
    }
  }
  return false;
}

constexpr TextMember<JobInput> kInputTexts[] = {{"jobInputType"sv, &JobInput::jobInputType},
                                                {"value"sv, &JobInput::value},
                                                {"uri"sv, &JobInput::uri},
                                                {"mode"sv, &JobInput::mode},
                                                {"description"sv, &JobInput::description}};
constexpr TextMember<JobOutput> kOutputTexts[] = {{"jobOutputType"sv, &JobOutput::jobOutputType},
                                                  {"uri"sv, &JobOutput::uri},
                                                  {"mode"sv, &JobOutput::mode},
                                                  {"description"sv, &JobOutput::description}};
// The properties only templates, imports and submissions need that are plain text.
constexpr TextMember<Job> kDescriptiveTexts[] = {{"displayName"sv, &Job::displayName},
                                                 {"description"sv, &Job::description},
                                                 {"jobType"sv, &Job::jobType},
                                                 {"experimentName"sv, &Job::experimentName},
                                                 {"computeId"sv, &Job::computeId}};

JobInput decodeInput(const std::string& name, common::JsonView v) {
  JobInput in;
  in.name = name;
  v.forEachMember(
      [&](const std::string& key, common::JsonView field) { readTextMember(kInputTexts, key, field, in); });
  in.literal = common::ascii::iequals(in.jobInputType, "literal");
  return in;
}

JobOutput decodeOutput(const std::string& name, common::JsonView v) {
  JobOutput out;
  out.name = name;
  v.forEachMember([&](const std::string& key, common::JsonView field) {
    if (key == "value"sv)
      out.value = common::nonEmptyTextOf(field);
    else
      readTextMember(kOutputTexts, key, field, out);
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
  if (readTextMember(kDescriptiveTexts, key, v, job)) return;
  if (key == "identity"sv) {
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
