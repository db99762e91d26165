#include "azureml/JobDecoder.h"

#include "azureml/AsciiText.h"
#include "azureml/ErrorField.h"

namespace aifoundry::azureml {
namespace {

JobInput decodeInput(const std::string& name, JsonView v) {
  JobInput in;
  in.name = name;
  v.forEachMember([&](const std::string& key, JsonView field) {
    if (key == "jobInputType")
      in.jobInputType = field.text();
    else if (key == "value")
      in.value = field.text();
    else if (key == "uri")
      in.uri = field.text();
    else if (key == "mode")
      in.mode = field.text();
    else if (key == "description")
      in.description = field.text();
  });
  in.literal = ascii::iequals(in.jobInputType, "literal");
  return in;
}

JobOutput decodeOutput(const std::string& name, JsonView v) {
  JobOutput out;
  out.name = name;
  v.forEachMember([&](const std::string& key, JsonView field) {
    if (key == "jobOutputType")
      out.jobOutputType = field.text();
    else if (key == "uri")
      out.uri = field.text();
    else if (key == "value")
      out.value = nonEmptyTextOf(field);
    else if (key == "mode")
      out.mode = field.text();
    else if (key == "description")
      out.description = field.text();
  });
  return out;
}

IdentityType identityOf(const std::string& type) {
  if (type.empty()) return IdentityType::None;
  if (ascii::iequals(type, "UserIdentity")) return IdentityType::UserIdentity;
  if (ascii::iequals(type, "Managed")) return IdentityType::Managed;
  if (ascii::iequals(type, "AMLToken")) return IdentityType::AMLToken;
  return IdentityType::Other;
}

std::string studioEndpoint(JsonView services) {
  std::optional<JsonView> studio = services.member("Studio");
  if (!studio)
    services.forEachMember([&](const std::string& key, JsonView v) {
      if (!studio && ascii::iequals(key, "Studio")) studio = v;
    });
  return studio ? textOf(studio->member("endpoint")) : std::string();
}

void readProperties(JsonView p, Job& job) {
  p.forEachMember([&](const std::string& key, JsonView v) {
    if (key == "displayName")
      job.displayName = v.text();
    else if (key == "description")
      job.description = v.text();
    else if (key == "jobType")
      job.jobType = v.text();
    else if (key == "status")
      job.status = v.text();
    else if (key == "experimentName")
      job.experimentName = v.text();
    else if (key == "computeId")
      job.computeId = v.text();
    else if (key == "startTime")
      job.startTime = nonEmptyTextOf(v);
    else if (key == "endTime")
      job.endTime = nonEmptyTextOf(v);
    else if (key == "error") {
      const ErrorField error = ErrorField::read(v);
      job.errorCode = error.code;
      job.errorMessage = error.message;
    } else if (key == "services")
      job.studioEndpoint = studioEndpoint(v);
    else if (key == "identity") {
      job.identityTypeText = v.isObject() ? textOf(v.member("identityType")) : std::string();
      job.identity = identityOf(job.identityTypeText);
    } else if (key == "tags") {
      job.tags.clear();
      v.forEachMember([&](const std::string& k, JsonView t) { job.tags.emplace_back(k, t.text()); });
    } else if (key == "inputs") {
      job.inputs.clear();
      v.forEachMember([&](const std::string& k, JsonView in) { job.inputs.push_back(decodeInput(k, in)); });
    } else if (key == "outputs") {
      job.outputs.clear();
      v.forEachMember(
          [&](const std::string& k, JsonView out) { job.outputs.push_back(decodeOutput(k, out)); });
    }
  });
}

}  // namespace

Job JobDecoder::decode(std::string_view json, std::string_view what) {
  return decode(JsonView::parse(json, what));
}

Job JobDecoder::decode(JsonView resource) {
  Job job;
  resource.forEachMember([&](const std::string& key, JsonView v) {
    if (key == "name")
      job.name = v.text();
    else if (key == "id")
      job.id = v.text();
    else if (key == "properties")
      readProperties(v, job);
    else if (key == "systemData")
      job.createdAt = v.isObject() ? nonEmptyTextOf(v.member("createdAt")) : std::nullopt;
  });
  return job;
}

}  // namespace aifoundry::azureml
