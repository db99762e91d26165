#include "azureml/Parameter.h"

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {
namespace {

std::string forParameter(std::string_view name) {
  return name.empty() ? std::string() : " of parameter '" + common::ascii::oneLine(name, 120) + "'";
}

}  // namespace

Direction parseDirection(std::string_view text, std::string_view parameterName) {
  const std::string_view t = common::ascii::trim(text);
  if (t.empty() || common::ascii::iequals(t, "Input")) return Direction::Input;
  if (common::ascii::iequals(t, "Output")) return Direction::Output;
  if (common::ascii::iequals(t, "Input&Output") || common::ascii::iequals(t, "InputOutput") ||
      common::ascii::iequals(t, "Input & Output"))
    return Direction::InputOutput;
  throw AzureMlError(errc::InvalidParameterDefinition, "Unknown direction '" + common::ascii::oneLine(t, 64) +
                                                           "'" + forParameter(parameterName) +
                                                           "; use Input, Output or Input&Output");
}

DataType parseDataType(std::string_view text, std::string_view parameterName) {
  const std::string_view t = common::ascii::trim(text);
  if (t.empty() || common::ascii::iequals(t, "String")) return DataType::String;
  if (common::ascii::iequals(t, "Secret")) return DataType::Secret;
  if (common::ascii::iequals(t, "Int")) return DataType::Int;
  if (common::ascii::iequals(t, "Float")) return DataType::Float;
  if (common::ascii::iequals(t, "Bool")) return DataType::Bool;
  if (common::ascii::iequals(t, "JSON")) return DataType::Json;
  if (common::ascii::iequals(t, "JsonArray")) return DataType::JsonArray;
  throw AzureMlError(errc::InvalidParameterDefinition,
                     "Unknown data type '" + common::ascii::oneLine(t, 64) + "'" +
                         forParameter(parameterName) +
                         "; use String, Secret, Int, Float, Bool, JSON or JsonArray");
}

const char* toString(Direction d) noexcept {
  switch (d) {
    case Direction::Input:
      return "Input";
    case Direction::Output:
      return "Output";
    case Direction::InputOutput:
      return "Input&Output";
  }
  return "Input";
}

const char* toString(DataType t) noexcept {
  switch (t) {
    case DataType::String:
      return "String";
    case DataType::Secret:
      return "Secret";
    case DataType::Int:
      return "Int";
    case DataType::Float:
      return "Float";
    case DataType::Bool:
      return "Bool";
    case DataType::Json:
      return "JSON";
    case DataType::JsonArray:
      return "JsonArray";
  }
  return "String";
}

}  // namespace aifoundry::azureml
