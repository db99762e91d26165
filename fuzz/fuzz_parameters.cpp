// Fuzz target: parameter parsing on both sides of the ABI.
//   plugin: LiteralValueText (a typed Polysync value -> an Azure literal);
//   host:   --param NAME[:TYPE]=VALUE, --attr NAME=VALUE, checkedValue, and --param-file JSON.
// Input: first byte = data type (1..7), the rest = the value / option / file text.
// Invariants: a result or the layer's own error type (AzureMlError, UsageError), one-line messages; a
// literal is non-empty and converting it again gives the same text (Int, Float, JSON are canonical).
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzCheck.h"
#include "HostMessages.h"
#include "azureml/AzureMlError.h"
#include "azureml/LiteralValueText.h"
#include "core/Parameter.h"
#include "polysync_host/Errors.h"
#include "polysync_host/ParameterParsing.h"
#include "polysync_host/ResultJson.h"

using namespace aifoundry::azureml;
using aifoundry::common::SecretString;
using aifoundry::core::DataType;
using aifoundry::core::Parameter;
namespace host = polysync::host;

namespace {

void pluginSide(DataType type, const std::string& value) {
  Parameter p;
  p.name = "p";
  p.dataType = type;
  p.value = SecretString(value);
  try {
    const std::string literal(LiteralValueText::of(p).view());
    FUZZ_CHECK(!literal.empty(), "empty literal");
    if (type == DataType::Bool)
      FUZZ_CHECK(literal == "True" || literal == "False", "Bool literal not True/False");
    if (type == DataType::Int || type == DataType::Float || type == DataType::Json ||
        type == DataType::JsonArray) {
      Parameter again = p;
      again.value = SecretString(literal);
      FUZZ_CHECK(LiteralValueText::of(again).view() == literal,
                 "literal is not canonical: converting it again changed it");
    }
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(*e.what() != '\0', "empty error message");
  }
}

void hostSide(std::int32_t type, const std::string& text) {
  try {
    (void)host::parseParamOption(text);
  } catch (const host::UsageError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
  try {
    (void)host::parseAttribute(text);
  } catch (const host::UsageError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
  try {
    (void)host::checkedValue(type, text, "--param p");
  } catch (const host::UsageError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
  try {
    const auto parameters = host::parseParamFile(text, "params.json");
    host::checkUniqueNames(parameters);
    for (const auto& parameter : parameters) (void)host::displayValue(parameter);
  } catch (const host::UsageError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int type = 1 + data[0] % 7;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  pluginSide(static_cast<DataType>(type), text);
  hostSide(type, text);
  return 0;
}
