#include "azureml/TemplateCloner.h"

#include "azureml/AzureMlError.h"
#include "azureml/ComputeId.h"
#include "azureml/InputOverlay.h"
#include "azureml/OutputRebinder.h"
#include "azureml/PolysyncTags.h"
#include "common/AsciiText.h"
#include "common/JsonText.h"

namespace aifoundry::azureml {
namespace {

// The template's properties we read, each the last occurrence of its key.
struct TemplateFields {
  std::optional<common::JsonView> jobType, displayName, description, experimentName, computeId, identity,
      tags, inputs, outputs, settings, jobs;
};

TemplateFields readFields(common::JsonView properties) {
  TemplateFields f;
  struct Slot {
    const char* key;
    std::optional<common::JsonView> TemplateFields::*field;
  };
  static constexpr Slot kSlots[] = {
      {"jobType", &TemplateFields::jobType},
      {"displayName", &TemplateFields::displayName},
      {"description", &TemplateFields::description},
      {"experimentName", &TemplateFields::experimentName},
      {"computeId", &TemplateFields::computeId},
      {"identity", &TemplateFields::identity},
      {"tags", &TemplateFields::tags},
      {"inputs", &TemplateFields::inputs},
      {"outputs", &TemplateFields::outputs},
      {"settings", &TemplateFields::settings},
      {"jobs", &TemplateFields::jobs},
  };
  // One walk over properties: `jobs` is skipped once, never parsed.
  properties.forEachMember([&](const std::string& key, common::JsonView value) {
    for (const Slot& s : kSlots)
      if (key == s.key) f.*(s.field) = value;
  });
  return f;
}

void copyIfPresent(std::string& out, std::string_view key, const std::optional<common::JsonView>& value) {
  if (value) common::jsontext::appendMember(out, key, value->raw());
}

// `replacement` (JSON text) in place of the template's member when there is one, else the template's own.
void replaceOrCopy(std::string& out, std::string_view key, const std::string& replacement,
                   const std::optional<common::JsonView>& value) {
  if (replacement.empty())
    copyIfPresent(out, key, value);
  else
    common::jsontext::appendMember(out, key, replacement);
}

std::string tagsText(const std::optional<common::JsonView>& templateTags, const CloneRequest& request) {
  std::string out = "{";
  if (templateTags)
    templateTags->forEachMember([&](const std::string& key, common::JsonView value) {
      // Our namespace is ours alone: a template never passes its polysync.* tags on to a run.
      if (!common::ascii::istartsWith(key, tags::kNamespace))
        common::jsontext::appendMember(out, key, value.raw());
    });
  common::jsontext::appendMember(out, tags::kTemplate, common::jsontext::quoted(request.templateName));
  if (request.idempotencyKey)
    common::jsontext::appendMember(out, tags::kIdempotencyKey,
                                   common::jsontext::quoted(*request.idempotencyKey));
  out.push_back('}');
  return out;
}

}  // namespace

common::SecretString TemplateCloner::buildRequestBody(std::string_view templateJson,
                                                      const CloneRequest& request) const {
  return buildRequestBody(
      common::JsonView::parse(templateJson, "The template job '" + request.templateName + "'"), request);
}

common::SecretString TemplateCloner::buildRequestBody(common::JsonView templateRoot,
                                                      const CloneRequest& request) const {
  const auto properties = templateRoot.member("properties");
  if (!properties || !properties->isObject())
    throw AzureMlError(errc::InvalidJson,
                       "The template job '" + request.templateName +
                           "' has no properties object; Azure ML returned an unexpected reply");
  const TemplateFields f = readFields(*properties);
  const std::string jobType = f.jobType ? f.jobType->text() : std::string();
  if (!common::ascii::iequals(jobType, "Pipeline"))
    throw AzureMlError(errc::NotAPipeline,
                       "The template job '" + request.templateName + "' is " +
                           (jobType.empty() ? std::string("of no job type")
                                            : "a " + common::ascii::oneLine(jobType, 40) + " job") +
                           ", not a pipeline; choose a Pipeline job as the External Id");

  // Every check (inputs, values, compute) runs before the body is assembled.
  const common::SecretString inputs =
      InputOverlay::apply(f.inputs.value_or(common::JsonView()), request.parameters, request.templateName);
  const std::string computeId = ComputeId::resolve(request.computeOverride, workspace_);
  const std::string displayName =
      request.displayName.empty() ? std::string() : common::jsontext::quoted(request.displayName);
  const std::string tags = tagsText(f.tags, request);
  const std::string outputs =
      f.outputs ? OutputRebinder::rebind(*f.outputs, request.templateName) : std::string();
  const std::string compute = computeId.empty() ? std::string() : common::jsontext::quoted(computeId);

  // Reserved exactly once (each member's text plus room for its key): a reallocation would leave a copy of
  // the secret values in a freed block.
  std::size_t size = 256 + inputs.size() + tags.size() + outputs.size() + displayName.size() + compute.size();
  for (const auto* field : {&f.jobType, &f.displayName, &f.description, &f.experimentName, &f.computeId,
                            &f.identity, &f.settings, &f.jobs})
    size += *field ? (*field)->raw().size() + 32 : 0;
  std::string out;
  out.reserve(size);
  out = "{\"properties\":{";
  copyIfPresent(out, "jobType", f.jobType);
  replaceOrCopy(out, "displayName", displayName, f.displayName);
  copyIfPresent(out, "description", f.description);
  copyIfPresent(out, "experimentName", f.experimentName);
  replaceOrCopy(out, "computeId", compute, f.computeId);
  copyIfPresent(out, "identity", f.identity);
  common::jsontext::appendMember(out, "tags", tags);
  if (f.inputs || inputs.view() != "{}") common::jsontext::appendMember(out, "inputs", inputs.view());
  if (f.outputs) common::jsontext::appendMember(out, "outputs", outputs);
  copyIfPresent(out, "settings", f.settings);
  copyIfPresent(out, "jobs", f.jobs);
  out += "}}";
  return common::SecretString::adopt(std::move(out));
}

}  // namespace aifoundry::azureml
