// ErrorField: reads an `error` value the way Azure ML writes it in its several places: a job's
// properties.error (not in the schema; {code, message} when present), Run History's {error: {code, message}},
// or a bare string. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/JsonView.h"

namespace aifoundry::azureml {

struct ErrorField {
  std::optional<std::string> code;     // nullopt when absent or empty
  std::optional<std::string> message;  // nullopt when absent or empty

  // The inner error.error wins field by field over the outer one, as Run History nests the real error there.
  static ErrorField read(common::JsonView error);
};

}  // namespace aifoundry::azureml
