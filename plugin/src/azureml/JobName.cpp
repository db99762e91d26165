#include "azureml/JobName.h"

#include <string>

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {

bool JobName::isValidNewName(std::string_view name) noexcept {
  if (name.empty() || name.size() > kMaxLength || !common::ascii::isAlnum(name.front())) return false;
  for (const char c : name)
    if (!common::ascii::isWordChar(c) && c != '-') return false;
  return true;
}

std::string JobName::whyInvalid(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxLength) return "is longer than 255 characters";
  if (!common::ascii::isAlnum(name.front())) return "does not start with a letter or digit";
  if (!isValidNewName(name)) return "has characters other than letters, digits, '-' and '_'";
  return "";
}

void JobName::checkExisting(std::string_view name, std::string_view what) {
  const std::string why = whyInvalid(name);
  if (!why.empty())
    throw AzureMlError(errc::InvalidJobName, std::string(what) + " '" + common::ascii::oneLine(name, 100) +
                                                 "' " + why + "; it must be an Azure ML job name");
}

}  // namespace aifoundry::azureml
