#include "azureml/OutputMatcher.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

const JobOutput* find(const std::vector<JobOutput>& outputs, const std::string& name) {
  for (const JobOutput& o : outputs)
    if (o.name == name) return &o;
  for (const JobOutput& o : outputs)
    if (common::ascii::iequals(o.name, name)) return &o;
  return nullptr;
}

}  // namespace

std::vector<OutputValue> OutputMatcher::match(const std::vector<core::Parameter>& parameters,
                                              const std::vector<JobOutput>& outputs) {
  std::vector<OutputValue> out;
  for (const core::Parameter& p : parameters) {
    if (!core::isWrittenBack(p.direction)) continue;
    const JobOutput* o = find(outputs, p.name);
    if (!o) continue;
    if (o->value)
      out.push_back({p.name, o->name, *o->value});
    else if (!o->uri.empty())
      out.push_back({p.name, o->name, o->uri});
  }
  return out;
}

}  // namespace aifoundry::azureml
