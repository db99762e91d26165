#include "RecordingHost.h"

#include "core/JobTypeError.h"

namespace aifoundry::pipeline_job::testing {

void RecordingHost::log(core::LogLevel level, std::string_view text) const noexcept {
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(std::to_string(static_cast<int>(level)) + " " + std::string(text));
  } catch (...) {
  }
}

core::AccessToken RecordingHost::tokenForScope(const std::string& scope, const std::string&) const {
  if (!tokens_) throw core::JobTypeError(core::ErrorCode::Authentication, "no host identity");
  {
    std::lock_guard<std::mutex> lock(mutex_);
    scopes_.push_back(scope);
  }
  core::AccessToken token;
  token.token = common::SecretString(tokens_(scope));
  return token;
}

std::vector<std::string> RecordingHost::lines() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lines_;
}

std::string RecordingHost::allText() const {
  std::string text;
  for (const auto& line : lines()) text += line + "\n";
  return text;
}

std::vector<std::string> RecordingHost::scopesAsked() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return scopes_;
}

}  // namespace aifoundry::pipeline_job::testing
