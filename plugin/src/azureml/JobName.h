// JobName: the rules for Azure ML job names (the {id} path segment, and our RunId).
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aifoundry::azureml {

class JobName {
 public:
  static constexpr std::size_t kMaxLength = 255;

  // ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$ : what Azure accepts when a job is created (PUT).
  static bool isValidNewName(std::string_view name) noexcept;

  // Throws AzureMlError(InvalidJobName) unless `name` is an Azure ML job name (isValidNewName: every job the
  // jobs API holds was created under that rule). Names from a host (External Id, RunId) and from a reply
  // become a URL path segment, so '.', '..', '/', '%' or a control character never reach one. `what` names
  // the value in the message, e.g. "External Id" or "RunId".
  static void checkExisting(std::string_view name, std::string_view what);
  // Why `name` is not an Azure ML job name ("is empty", ...), or "" when it is one.
  static std::string whyInvalid(std::string_view name);
};

}  // namespace aifoundry::azureml
