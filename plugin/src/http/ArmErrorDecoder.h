// ArmErrorDecoder: the error inside an Azure reply body, whichever service wrote it:
//   ARM / Azure ML: { "error": { "code", "message", "target", "details": [ {code, message} ], "innerError":
//   {...} } } Entra ID:       { "error": "invalid_client", "error_description": "AADSTS7000215: ...\r\nTrace
//   ID: ...",
//                     "error_codes": [7000215], "trace_id", "correlation_id" }
//   anything else (HTML from a proxy, a truncated body): the text itself, made one line and cut short.
// Never throws on any input. Messages are one line, at most kMaxMessage bytes. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aifoundry::http {

struct ArmError {
  std::string code;     // the most specific code: a detail's when the top level is generic
                        // (BadRequest, UserError, ...), the AADSTS number for Entra; "" when unknown
  std::string message;  // one line; a detail's when the top level's is generic or empty
  std::string target;
  std::string topCode;  // error.code exactly as at the top level ("invalid_client" for Entra)
  std::string topMessage;
  std::string detailCode;  // details[0]
  std::string detailMessage;
  std::string innerCode;      // the deepest innerError.code (Azure ML nests them), "" when none
  std::string traceId;        // Entra trace_id
  std::string correlationId;  // Entra correlation_id
  bool structured = false;    // the body was one of the JSON shapes above

  // "code: message" (or just the message), with " (target: x)" when there is a target.
  std::string summary() const;
};

class ArmErrorDecoder {
 public:
  static constexpr std::size_t kMaxMessage = 1024;
  static ArmError decode(std::string_view body);
  // True for top-level codes that say little on their own, so a detail's code is preferred.
  static bool isGenericCode(std::string_view code);
};

}  // namespace aifoundry::http
