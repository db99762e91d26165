#include "core/RunState.h"

#include "common/EnumNames.h"

namespace aifoundry::core {
namespace {

constexpr common::EnumName<RunState> kNames[] = {
    {RunState::Unknown, "Unknown"}, {RunState::Starting, "Starting"}, {RunState::Running, "Running"},
    {RunState::Success, "Success"}, {RunState::Failed, "Failed"},     {RunState::Cancelled, "Cancelled"}};

}  // namespace

const char* toString(RunState state) noexcept { return common::nameIn(kNames, state, "Unknown"); }

}  // namespace aifoundry::core
