// Fuzz target: an error reply body, whichever service wrote it (ARM, Azure ML, Entra ID, a proxy's HTML)
// -> http::ArmErrorDecoder (the one decoder of error bodies; the transport uses it too).
// Invariant: it never throws; its message is one line of at most kMaxMessage bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzCheck.h"
#include "http/ArmErrorDecoder.h"

using namespace aifoundry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  try {
    const http::ArmError error = http::ArmErrorDecoder::decode(body);
    FUZZ_CHECK(error.message.size() <= http::ArmErrorDecoder::kMaxMessage, "message longer than kMaxMessage");
    FUZZ_CHECK(error.message.find_first_of("\r\n") == std::string::npos, "message is not one line");
    const std::string summary = error.summary();
    FUZZ_CHECK(summary.find_first_of("\r\n") == std::string::npos, "summary is not one line");
  } catch (...) {
    FUZZ_CHECK(false, "ArmErrorDecoder::decode threw");
  }
  return 0;
}
