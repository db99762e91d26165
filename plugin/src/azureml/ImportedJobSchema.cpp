#include "azureml/ImportedJobSchema.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {

ImportedJob ImportedJobSchema::from(const Job& job) {
  ImportedJob out;
  out.externalId = job.name;
  out.name = common::ascii::trim(job.displayName).empty() ? job.name : job.displayName;
  out.description = job.description;
  for (const JobInput& in : job.inputs) {
    ImportedParameter p;
    p.name = in.name;
    p.direction = Direction::Input;
    p.defaultValue = in.literal ? in.value : std::string();
    p.overridable = in.literal;
    p.azureType = in.jobInputType;
    p.description = in.description;
    out.parameters.push_back(std::move(p));
  }
  for (const JobOutput& o : job.outputs) {
    ImportedParameter* sameName = nullptr;
    for (ImportedParameter& p : out.parameters)
      if (p.name == o.name && p.direction == Direction::Input && p.overridable) sameName = &p;
    if (sameName) {
      sameName->direction = Direction::InputOutput;
      continue;
    }
    ImportedParameter p;
    p.name = o.name;
    p.direction = Direction::Output;
    p.overridable = false;
    p.azureType = o.jobOutputType;
    p.description = o.description;
    out.parameters.push_back(std::move(p));
  }
  return out;
}

}  // namespace aifoundry::azureml
