#include "core/Parameter.h"

namespace aifoundry::core {

const char* toString(Direction direction) noexcept {
  switch (direction) {
    case Direction::Output:
      return "Output";
    case Direction::InputOutput:
      return "Input&Output";
    case Direction::Unset:
    case Direction::Input:
      break;
  }
  return "Input";
}

const char* toString(DataType dataType) noexcept {
  switch (dataType) {
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

}  // namespace aifoundry::core
