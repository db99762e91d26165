// Fuzz target: one Azure ML job resource (GET /jobs/{id}) -> JobDecoder, then everything the job type derives
// from a decoded job (the imported schema, the status). Invariant: a valid result or AzureMlError, and text
// that JsonView accepts always decodes (the decoder is lenient on shape, strict only on syntax). A poll's
// decode (decodeForPoll over a JsonDocument, whose views skip through its container index) reads the same
// status fields, and once terminal the same outputs, as the full decode over a plain parse.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "azureml/AzureMlError.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobDecoder.h"
#include "azureml/StatusDecoder.h"
#include "common/JsonDocument.h"
#include "common/JsonView.h"

using namespace aifoundry::azureml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = aifoundry::common::JsonView::isValid(text);
  try {
    const Job job = JobDecoder::decode(text, "The fuzzed job");
    FUZZ_CHECK(valid, "JobDecoder accepted text that aifoundry::common::JsonView::isValid refuses");
    const aifoundry::core::ImportedJob imported = ImportedJobSchema::from(job);
    FUZZ_CHECK(imported.parameters.size() <= job.inputs.size() + job.outputs.size(),
               "more imported parameters than inputs and outputs");
    (void)StatusDecoder::isTerminal(StatusDecoder::decode(job.status));
    (void)job.tag("polysync.template");
    (void)job.needsAmlToken();
    const aifoundry::common::JsonDocument document(text, "The fuzzed job");
    const Job poll = JobDecoder::decodeForPoll(document.root());
    FUZZ_CHECK(poll.name == job.name && poll.status == job.status && poll.startTime == job.startTime &&
                   poll.endTime == job.endTime && poll.errorCode == job.errorCode &&
                   poll.errorMessage == job.errorMessage && poll.studioEndpoint == job.studioEndpoint &&
                   poll.createdAt == job.createdAt,
               "decodeForPoll read a status field differently from decode");
    const bool terminal = StatusDecoder::isTerminalStatus(job.status);
    FUZZ_CHECK(poll.outputs.size() == (terminal ? job.outputs.size() : 0), "decodeForPoll's outputs differ");
    for (std::size_t i = 0; i < poll.outputs.size(); ++i)
      FUZZ_CHECK(poll.outputs[i].name == job.outputs[i].name && poll.outputs[i].uri == job.outputs[i].uri &&
                     poll.outputs[i].value == job.outputs[i].value,
                 "decodeForPoll read an output differently from decode");
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(
        !valid || e.code() != errc::InvalidJson || !aifoundry::common::JsonView::parse(text, "x").isObject(),
        "valid JSON object refused as InvalidJson");
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  return 0;
}
