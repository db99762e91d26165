// Fuzz target: one Azure ML job resource (GET /jobs/{id}) -> JobDecoder, then everything the job type derives
// from a decoded job (the imported schema, the status). Invariant: a valid result or AzureMlError, and text
// that JsonView accepts always decodes (the decoder is lenient on shape, strict only on syntax).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "azureml/AzureMlError.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobDecoder.h"
#include "azureml/JsonView.h"
#include "azureml/StatusDecoder.h"

using namespace aifoundry::azureml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = JsonView::isValid(text);
  try {
    const Job job = JobDecoder::decode(text, "The fuzzed job");
    FUZZ_CHECK(valid, "JobDecoder accepted text that JsonView::isValid refuses");
    const ImportedJob imported = ImportedJobSchema::from(job);
    FUZZ_CHECK(imported.parameters.size() <= job.inputs.size() + job.outputs.size(),
               "more imported parameters than inputs and outputs");
    (void)StatusDecoder::isTerminal(StatusDecoder::decode(job.status));
    (void)job.tag("polysync.template");
    (void)job.needsAmlToken();
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(!valid || e.code() != errc::InvalidJson || !JsonView::parse(text, "x").isObject(),
               "valid JSON object refused as InvalidJson");
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  return 0;
}
