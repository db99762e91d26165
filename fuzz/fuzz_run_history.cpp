// Fuzz target: Run History replies -> RunHistoryDecoder (a run, a page of child runs, the first failed step)
// and the failure message composed from them. Invariant: a valid result or AzureMlError; the composed
// failure message is never empty, one line, and at most FailureMessage::kMaxLength bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "azureml/AzureMlError.h"
#include "azureml/FailureMessage.h"
#include "azureml/RunHistoryDecoder.h"

using namespace aifoundry::azureml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FailureSources sources;
  sources.monitorUrl = "https://ml.azure.com/runs/x";
  try {
    const RunHistoryRun run = RunHistoryDecoder::decodeRun(text);
    if (!run.errorMessage.empty()) sources.runHistoryError = run.errorMessage;
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  try {
    const RunChildrenPage page = RunHistoryDecoder::decodeChildren(text);
    FUZZ_CHECK(!page.continuationToken || !page.continuationToken->empty(), "empty continuation token");
    sources.failedStep = RunHistoryDecoder::firstFailedStep(page.children);
    if (sources.failedStep) {
      bool found = false;
      for (const auto& child : page.children) found = found || child.name == sources.failedStep->stepName;
      FUZZ_CHECK(found, "the failed step is not one of the children");
    }
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  const std::string message = FailureMessage::compose(sources);
  FUZZ_CHECK(!message.empty(), "empty failure message");
  FUZZ_CHECK(message.size() <= FailureMessage::kMaxLength, "failure message longer than kMaxLength");
  FUZZ_CHECK(message.find_first_of("\r\n") == std::string::npos, "failure message is not one line");
  return 0;
}
