// LiteralValueText: a Polysync typed value -> the text Azure ML receives as a literal input's "value".
//   String/Secret as is; Int in canonical decimal (int64); Float in shortest round-trip form ("1e-3" ->
//   "0.001"); Bool as True/False (from true/false/1/0/yes/no); JSON/JsonArray as compact JSON (tokens
//   untouched).
// Then Azure's own rule: non-empty and containing at least one of [A-Za-z0-9_].
// Errors: AzureMlError(InvalidParameterValue), one line naming the parameter and its type; the value is
// quoted only when the parameter is not secret. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/SecretString.h"
#include "core/Parameter.h"

namespace aifoundry::azureml {

class LiteralValueText {
 public:
  static common::SecretString of(const core::Parameter& parameter);

  // Azure's rule alone (already-converted text); throws InvalidParameterValue naming the parameter.
  static void checkAzureAccepts(std::string_view text, const core::Parameter& parameter);
};

}  // namespace aifoundry::azureml
