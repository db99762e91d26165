// Parameter: one parameter value of a run, as Polysync hands it over, and the one model of a parameter
// in every layer (the Azure ML layer overlays and matches these directly). The enums use the ABI's numbers
// (PSJ_DIRECTION_*, PSJ_TYPE_*); plugin/src/abi/ checks that they agree. A value lives only in its
// SecretString, which wipes it, so a Secret value is wiped the one way every secret is.
#pragma once

#include <cstdint>
#include <string>

#include "common/SecretString.h"

namespace aifoundry::core {

// Unset behaves like Input, as in Polysync.
enum class Direction : std::int32_t { Unset = 0, Input = 1, Output = 2, InputOutput = 3 };

// Numbered as the ABI numbers them, from 1 (abi/CoreEnums.h checks each).
enum class DataType : std::int32_t { String = 1, Secret, Int, Float, Bool, Json, JsonArray };

// True for Input, Input&Output and Unset: the value is sent to the provider.
inline bool isSent(Direction direction) noexcept { return direction != Direction::Output; }
// True for Output and Input&Output: the value is written back from the run's outputs.
inline bool isWrittenBack(Direction direction) noexcept {
  return direction == Direction::Output || direction == Direction::InputOutput;
}

struct Parameter {
  std::string name;
  Direction direction = Direction::Unset;
  DataType dataType = DataType::String;
  common::SecretString value;  // Polysync's text of the value ("42", "true", "[1,2]"); empty for Output
  bool secret = false;         // the host's "never show" flag; see isSecret()
};

// Secret-typed parameters are secret whatever the host's flag says.
inline bool isSecret(const Parameter& parameter) noexcept {
  return parameter.secret || parameter.dataType == DataType::Secret;
}

// Polysync's spelling, for messages: "Input", "Output", "Input&Output" (Unset reads "Input");
// "String", "Secret", "Int", "Float", "Bool", "JSON", "JsonArray".
const char* toString(Direction direction) noexcept;
const char* toString(DataType dataType) noexcept;

}  // namespace aifoundry::core
