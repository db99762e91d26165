// JobName: the rules for Azure ML job names (the {id} path segment, and our RunId).
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace aifoundry::azureml {

class JobName {
 public:
  static constexpr std::size_t kMaxLength = 255;

  // ^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$ : what Azure accepts when a job is created (PUT).
  static bool isValidNewName(std::string_view name) noexcept;

  // Throws AzureMlError(InvalidJobName) unless `name` can be looked up: non-empty, at most 255 bytes, no
  // control characters and no '/' (existing jobs are read by name, so only what would break the URL is
  // refused). `what` names the value in the message, e.g. "External Id" or "RunId".
  static void checkExisting(std::string_view name, std::string_view what);
};

}  // namespace aifoundry::azureml
