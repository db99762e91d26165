// InputOverlay: applies Polysync parameters to a template's `inputs` object (docs/azure-contract.md, Run step
// 3). Every Input / Input&Output parameter replaces inputs[name] with
// {"jobInputType":"literal","value":"<text>"}; Output parameters are ignored; every other input is copied
// byte for byte. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/JsonView.h"
#include "common/SecretString.h"
#include "core/Parameter.h"

namespace aifoundry::azureml {

class InputOverlay {
 public:
  // templateInputs: the template's properties.inputs (null when absent).
  // Returns the new inputs object as JSON text (null templateInputs and nothing sent -> "{}").
  // Throws AzureMlError:
  //   InputNotFound      a sent parameter names no input (lists the missing names and the inputs that exist),
  //                      or names an asset input (uri_folder, ...: only literals can be set);
  //   InvalidParameterValue  a value cannot become a literal Azure accepts (see LiteralValueText);
  //   InvalidParameterDefinition  two sent parameters share a name.
  // `templateName` only appears in messages. Every check runs before any text is produced.
  static common::SecretString apply(common::JsonView templateInputs,
                                    const std::vector<core::Parameter>& parameters,
                                    std::string_view templateName);
};

}  // namespace aifoundry::azureml
