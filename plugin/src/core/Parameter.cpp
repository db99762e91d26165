#include "core/Parameter.h"

#include "common/EnumNames.h"

namespace aifoundry::core {
namespace {

constexpr common::EnumName<Direction> kDirections[] = {{Direction::Output, "Output"},
                                                       {Direction::InputOutput, "Input&Output"}};

constexpr common::EnumName<DataType> kDataTypes[] = {
    {DataType::String, "String"},      {DataType::Secret, "Secret"}, {DataType::Int, "Int"},
    {DataType::Float, "Float"},        {DataType::Bool, "Bool"},     {DataType::Json, "JSON"},
    {DataType::JsonArray, "JsonArray"}};

}  // namespace

// Unset and Input both read "Input", as Polysync treats them alike.
const char* toString(Direction direction) noexcept { return common::nameIn(kDirections, direction, "Input"); }

const char* toString(DataType dataType) noexcept { return common::nameIn(kDataTypes, dataType, "String"); }

}  // namespace aifoundry::core
