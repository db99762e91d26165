// Fuzz target: a job resource (arbitrary JSON, decoded by JobDecoder) + the job type's parameters ->
// OutputMatcher, the values written back to Output and Input&Output parameters on a terminal status.
// Input: the job, then "\n#--\n", then one line per parameter "name\tdirection" (FuzzInput.h).
// Invariants: one result per written-back parameter at most, in parameter order, never for an Input
// parameter; each comes from the output of exactly that name when there is one, else from the first whose
// name matches ignoring ASCII case; its value is that output's value, else its uri; a parameter whose output
// exists and has a value or a uri is never left out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzCheck.h"
#include "FuzzInput.h"
#include "azureml/AzureMlError.h"
#include "azureml/JobDecoder.h"
#include "azureml/OutputMatcher.h"

using namespace aifoundry::azureml;

namespace {

bool sameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The output a parameter should be written from (the oracle, written independently of OutputMatcher).
const JobOutput* expectedOutput(const std::vector<JobOutput>& outputs, const std::string& name) {
  for (const JobOutput& o : outputs)
    if (o.name == name) return &o;
  for (const JobOutput& o : outputs)
    if (sameIgnoringAsciiCase(o.name, name)) return &o;
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::SplitInput input =
      fuzz::splitInput(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<aifoundry::core::Parameter> parameters;
  Job job;
  try {
    job = JobDecoder::decode(input.document, "The fuzzed job");
    for (const auto& line : input.lines) {
      aifoundry::core::Parameter p;
      p.name = fuzz::field(line, 0);
      const auto direction = fuzz::directionOf(fuzz::field(line, 1));
      if (!direction) return 0;
      p.direction = *direction;
      parameters.push_back(std::move(p));
    }
  } catch (const AzureMlError&) {
    return 0;  // JobDecoder has its own target
  }
  const std::vector<OutputValue> matched = OutputMatcher::match(parameters, job.outputs);
  std::size_t next = 0;  // results follow parameter order
  for (const aifoundry::core::Parameter& p : parameters) {
    // An Input parameter is never written back (a written-back one of the same name may follow it).
    if (!aifoundry::core::isWrittenBack(p.direction)) continue;
    const JobOutput* o = expectedOutput(job.outputs, p.name);
    const bool expected = o && (o->value || !o->uri.empty());
    const bool present = next < matched.size() && matched[next].parameterName == p.name;
    FUZZ_CHECK(expected == present, std::string(expected ? "a written-back parameter is missing: "
                                                         : "an unexpected result for: ") +
                                        p.name);
    if (!present) continue;
    const OutputValue& v = matched[next++];
    FUZZ_CHECK(v.outputName == o->name, "result names another output than the expected one");
    FUZZ_CHECK(sameIgnoringAsciiCase(v.outputName, p.name), "output name does not match the parameter's");
    FUZZ_CHECK(v.value == (o->value ? *o->value : o->uri),
               "written-back value is not the output's value or uri");
  }
  FUZZ_CHECK(next == matched.size(), "more results than written-back parameters");
  return 0;
}
