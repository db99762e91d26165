// Fuzz target: one page of GET /jobs -> JobListPage (the streaming and the convenience decoder must agree).
// Invariant: a valid result or AzureMlError; both decoders see the same jobs and the same nextLink.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "azureml/AzureMlError.h"
#include "azureml/JobListPage.h"

using namespace aifoundry::azureml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const JobListPage::Decoded page = JobListPage::decode(text);
    std::size_t streamed = 0;
    const auto next = JobListPage::forEachJob(text, [&](const Job& job) {
      FUZZ_CHECK(streamed < page.jobs.size() && page.jobs[streamed].name == job.name,
                 "streaming decoder saw a different job");
      ++streamed;
    });
    FUZZ_CHECK(streamed == page.jobs.size(), "streaming decoder saw a different number of jobs");
    FUZZ_CHECK(next == page.nextLink, "streaming decoder saw a different nextLink");
    FUZZ_CHECK(!next || !next->empty(), "an empty nextLink must end paging");
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  return 0;
}
