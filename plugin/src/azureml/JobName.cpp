#include "azureml/JobName.h"

#include <string>

#include "azureml/AsciiText.h"
#include "azureml/AzureMlError.h"

namespace aifoundry::azureml {

bool JobName::isValidNewName(std::string_view name) noexcept {
  if (name.empty() || name.size() > kMaxLength || !ascii::isAlnum(name.front())) return false;
  for (const char c : name)
    if (!ascii::isWordChar(c) && c != '-') return false;
  return true;
}

void JobName::checkExisting(std::string_view name, std::string_view what) {
  std::string why;
  if (ascii::trim(name).empty())
    why = "is empty";
  else if (name.size() > kMaxLength)
    why = "is longer than 255 characters";
  for (const char c : name) {
    if (!why.empty()) break;
    if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == 0x7f)
      why = "contains '/' or a control character";
  }
  if (!why.empty())
    throw AzureMlError(errc::InvalidJobName, std::string(what) + " '" + ascii::oneLine(name, 100) + "' " +
                                                 why + "; it must be an Azure ML job name");
}

}  // namespace aifoundry::azureml
