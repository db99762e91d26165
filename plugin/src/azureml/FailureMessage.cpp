#include "azureml/FailureMessage.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

std::string usable(const std::optional<std::string>& text) {
  return text ? common::ascii::oneLine(*text, FailureMessage::kMaxLength) : std::string();
}

// The whole message, prefix and Monitor URL included, stays within kMaxLength.
std::string bounded(const std::string& message) {
  return common::ascii::oneLine(message, FailureMessage::kMaxLength);
}

}  // namespace

std::string FailureMessage::compose(const FailureSources& s) {
  if (std::string m = usable(s.jobError); !m.empty()) return m;
  if (std::string m = usable(s.runHistoryError); !m.empty()) return m;
  const std::string seeUrl = s.monitorUrl.empty() ? std::string("open the run in Azure ML Studio")
                                                  : "open the Monitor URL: " + s.monitorUrl;
  if (s.failedStep) {
    const std::string step = common::ascii::oneLine(s.failedStep->stepName, 200);
    std::string detail = usable(s.failedStep->message);
    if (detail.empty() && !s.failedStep->code.empty())
      detail = common::ascii::oneLine(s.failedStep->code, 200);
    if (!detail.empty()) return bounded("step '" + step + "' failed: " + detail);
    return bounded("step '" + step + "' failed without a message; " + seeUrl);
  }
  return bounded("Azure ML reported no failure detail; " + seeUrl);
}

}  // namespace aifoundry::azureml
