#include "azureml/ImportedJobSchema.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {

core::ImportedJob ImportedJobSchema::from(const Job& job) {
  using core::Direction;
  core::ImportedJob out;
  out.jobType = kJobTypeName;
  out.externalId = job.name;
  out.name = common::ascii::trim(job.displayName).empty() ? job.name : job.displayName;
  out.description = job.description;
  for (const JobInput& in : job.inputs) {
    core::ParameterSchema p;
    p.name = in.name;
    p.direction = Direction::Input;
    if (in.literal) p.defaultValue = in.value;
    p.overridable = in.literal;
    p.description = in.description;
    out.parameters.push_back(std::move(p));
  }
  for (const JobOutput& o : job.outputs) {
    core::ParameterSchema* sameName = nullptr;
    for (core::ParameterSchema& p : out.parameters)
      if (p.name == o.name && p.direction == Direction::Input && p.overridable) sameName = &p;
    if (sameName) {
      sameName->direction = Direction::InputOutput;
      continue;
    }
    core::ParameterSchema p;
    p.name = o.name;
    p.direction = Direction::Output;
    p.overridable = false;
    p.description = o.description;
    out.parameters.push_back(std::move(p));
  }
  return out;
}

}  // namespace aifoundry::azureml
