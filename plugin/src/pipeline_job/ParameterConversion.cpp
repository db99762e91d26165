#include "pipeline_job/ParameterConversion.h"

#include "common/AsciiText.h"
#include "pipeline_job/SecretWipe.h"

namespace aifoundry::pipeline_job {
namespace {

azureml::Direction directionOf(core::Direction direction) {
  switch (direction) {
    case core::Direction::Output:
      return azureml::Direction::Output;
    case core::Direction::InputOutput:
      return azureml::Direction::InputOutput;
    case core::Direction::Unset:
    case core::Direction::Input:
      break;
  }
  return azureml::Direction::Input;  // unset behaves like Input, as in Polysync
}

azureml::DataType dataTypeOf(core::DataType type) {
  // Both enums carry the ABI's PSJ_TYPE_* numbers.
  return static_cast<azureml::DataType>(static_cast<int>(type));
}

core::Direction directionOf(azureml::Direction direction) {
  return static_cast<core::Direction>(static_cast<std::int32_t>(direction));
}

core::DataType dataTypeOf(azureml::DataType type) {
  return static_cast<core::DataType>(static_cast<std::int32_t>(type));
}

azureml::Parameter plainCopy(const core::Parameter& parameter, bool withValue) {
  azureml::Parameter plain;
  plain.name = parameter.name;
  plain.direction = directionOf(parameter.direction);
  plain.type = dataTypeOf(parameter.dataType);
  plain.secret = parameter.secret;
  if (withValue) plain.value = std::string(parameter.value.view());
  return plain;
}

}  // namespace

std::vector<azureml::Parameter> plainParameters(const std::vector<core::Parameter>& parameters) {
  std::vector<azureml::Parameter> result;
  result.reserve(parameters.size());
  for (const core::Parameter& parameter : parameters) result.push_back(plainCopy(parameter, true));
  return result;
}

void wipeValues(std::vector<azureml::Parameter>& parameters) noexcept {
  for (azureml::Parameter& parameter : parameters) wipe(parameter.value);
}

std::vector<azureml::Parameter> writtenBackParameters(const std::vector<core::Parameter>& parameters) {
  std::vector<azureml::Parameter> result;
  for (const core::Parameter& parameter : parameters) {
    if (core::isWrittenBack(parameter.direction)) result.push_back(plainCopy(parameter, false));
  }
  return result;
}

core::ImportedJob toCoreImportedJob(const azureml::ImportedJob& job) {
  core::ImportedJob result;
  result.externalId = job.externalId;
  result.name = job.name;
  result.description = job.description;
  result.jobType = job.jobType;
  result.parameters.reserve(job.parameters.size());
  for (const azureml::ImportedParameter& parameter : job.parameters) {
    core::ParameterSchema schema;
    schema.name = parameter.name;
    schema.direction = directionOf(parameter.direction);
    schema.dataType = dataTypeOf(parameter.type);
    // A literal's current value is its default (even when empty); assets and outputs have none.
    if (common::ascii::iequals(parameter.azureType, "literal")) schema.defaultValue = parameter.defaultValue;
    schema.description = parameter.description;
    schema.overridable = parameter.overridable;
    result.parameters.push_back(std::move(schema));
  }
  return result;
}

}  // namespace aifoundry::pipeline_job
