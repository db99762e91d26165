// The run command's parameters and attributes, from --param, --output, --param-file and --attr.
// Every failure is a UsageError saying what is wrong and how to write it.
#pragma once

#include <string>
#include <vector>

#include "polysync_host/RunRequest.h"

namespace polysync::host {

// --param NAME[:TYPE]=VALUE: an Input parameter, String unless TYPE (String Secret Int Float Bool JSON
// JsonArray, case-insensitive) is given. The value must suit the type (Bool is written "true"/"false").
// Secret values are flagged secret.
RunParameter parseParamOption(const std::string& spec);

// --output NAME: an Output parameter (type String, no value).
RunParameter outputParameter(const std::string& name);

// --param-file: a JSON array of {"name", "direction", "type", "value"}; direction Input (default), Output or
// Input&Output; type String (default) or another type name; non-string values become text, JSON values
// compact JSON. `source` names the file in messages.
std::vector<RunParameter> parseParamFile(const std::string& text, const std::string& source);
std::vector<RunParameter> readParamFile(const std::string& path);

// --attr NAME=VALUE: a job attribute.
Setting parseAttribute(const std::string& spec);

// Checks that `value` suits `dataType` and returns its canonical text (Bool lower-case). Throws UsageError
// mentioning `what` (e.g. "--param n").
std::string checkedValue(int32_t dataType, const std::string& value, const std::string& what);

// Throws UsageError when two parameters share a name.
void checkUniqueNames(const std::vector<RunParameter>& parameters);

// What may be shown of a value: "***" for secrets.
std::string displayValue(const RunParameter& parameter);

}  // namespace polysync::host
