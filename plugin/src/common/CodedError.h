// CodedError: an exception with a stable, Azure-style code (the constants below and azureml's) and a one-line
// message that says what went wrong and what to do. The foundation (JSON) and the pure azureml/ layer throw
// it, so one catch maps both by code. Messages never contain a secret. Immutable once thrown.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace aifoundry::common {

namespace errc {
inline constexpr const char* InvalidJson =
    "InvalidJson";  // a reply or value is not JSON (or not the shape expected)
inline constexpr const char* InvalidSetting = "InvalidSetting";  // a connection/job attribute is malformed
}  // namespace errc

class CodedError : public std::runtime_error {
 public:
  CodedError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const noexcept { return code_; }

 private:
  std::string code_;
};

}  // namespace aifoundry::common
