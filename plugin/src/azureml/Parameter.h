// Parameter: one Polysync run parameter as the azureml/ layer sees it (a plain value type).
// Enum values equal the ABI's PSJ_DIRECTION_* / PSJ_TYPE_* numbers so the ABI layer can cast, but this
// header does not depend on the ABI. Parsing of Polysync's names is case-insensitive.
#pragma once

#include <string>
#include <string_view>

namespace aifoundry::azureml {

enum class Direction { Input = 1, Output = 2, InputOutput = 3 };
enum class DataType { String = 1, Secret = 2, Int = 3, Float = 4, Bool = 5, Json = 6, JsonArray = 7 };

struct Parameter {
  std::string name;
  Direction direction = Direction::Input;
  DataType type = DataType::String;
  std::string value;
  bool secret = false;  // the host's "never log" flag; Secret-typed parameters are secret whatever it says

  bool isSecret() const noexcept { return secret || type == DataType::Secret; }
  bool isSent() const noexcept { return direction != Direction::Output; }        // Input, Input&Output
  bool isWrittenBack() const noexcept { return direction != Direction::Input; }  // Output, Input&Output
};

// "Input", "Output", "Input&Output" (also "InputOutput", "Input & Output"); "" = Input.
// Throws AzureMlError(InvalidParameterDefinition) on anything else, naming `parameterName`.
Direction parseDirection(std::string_view text, std::string_view parameterName = {});

// "String", "Secret", "Int", "Float", "Bool", "JSON", "JsonArray"; "" = String.
// Throws AzureMlError(InvalidParameterDefinition) on anything else, naming `parameterName`.
DataType parseDataType(std::string_view text, std::string_view parameterName = {});

// Polysync's spelling: "Input", "Output", "Input&Output"; "String", ..., "JSON", "JsonArray".
const char* toString(Direction d) noexcept;
const char* toString(DataType t) noexcept;

}  // namespace aifoundry::azureml
