#include "azureml/Job.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

template <typename Item, typename Name>
const Item* findByName(const std::vector<Item>& items, std::string_view name, Name nameOf) {
  for (const Item& item : items)
    if (nameOf(item) == name) return &item;
  for (const Item& item : items)
    if (common::ascii::iequals(nameOf(item), name)) return &item;
  return nullptr;
}

}  // namespace

bool Job::isPipeline() const { return common::ascii::iequals(common::ascii::trim(jobType), "Pipeline"); }

const std::string* Job::tag(std::string_view key) const {
  const auto* found = findByName(tags, key, [](const auto& t) -> const std::string& { return t.first; });
  return found ? &found->second : nullptr;
}

const JobOutput* Job::output(std::string_view outputName) const {
  return findByName(outputs, outputName, [](const JobOutput& o) -> const std::string& { return o.name; });
}

const JobInput* Job::input(std::string_view inputName) const {
  for (const JobInput& in : inputs)
    if (in.name == inputName) return &in;
  return nullptr;
}

}  // namespace aifoundry::azureml
