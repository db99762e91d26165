// JsonShapeCheck: the quick test JsonResponsePolicy runs on every 2xx JSON reply: does the body look like one
// complete JSON value? Strings (with escapes) are skipped, brackets must nest and close, no markup ('<')
// outside strings, and nothing but whitespace may follow the top-level string, object or array. That is
// what a proxy's page or a cut-off or spliced body fails. It does not check every token: the layer that
// reads the body validates it completely (JsonView, JsonDocument).
//
// Why two ways: the check reads every byte of every reply, and a byte loop pays a mispredicted branch at
// the end of each string (a poll's 4.2 KB job has 195), which made it cost as much as the full validation
// (bench/: 3.4% vs 3.7% of a poll's CPU). For an object or array at the top, the usual case, it is done 64
// bytes at a time with SSE2 bit masks (quotes, escapes, brackets, '<'), a string's inside found by a
// prefix XOR of its unescaped quotes, and only the brackets visited one by one. Anything else (a scalar at
// the top, a backslash outside a string, a build without SSE2) takes the byte loop, the reference the
// unit tests compare the fast path against.
//
// Pure functions; thread-safe. They allocate only past 16 levels of nesting.
#pragma once

#include <string_view>

namespace aifoundry::common {

// True when `text` looks like one complete JSON value (see above).
bool looksLikeCompleteJson(std::string_view text);

// The same answer, a byte at a time (the reference; exposed for the tests).
bool looksLikeCompleteJsonBytewise(std::string_view text);

}  // namespace aifoundry::common
