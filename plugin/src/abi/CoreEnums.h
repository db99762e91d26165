// CoreEnums: core's Direction, DataType, RunState and ErrorCode carry the ABI's numbers, so the ABI layer
// converts between them with a cast once a value is range-checked. These checks keep the two
// definitions in step: a changed constant on either side fails the build.
#pragma once

#include "core/ErrorCode.h"
#include "core/Parameter.h"
#include "core/RunState.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

static_assert(static_cast<int>(core::Direction::Unset) == PSJ_DIRECTION_UNSET);
static_assert(static_cast<int>(core::Direction::Input) == PSJ_DIRECTION_INPUT);
static_assert(static_cast<int>(core::Direction::Output) == PSJ_DIRECTION_OUTPUT);
static_assert(static_cast<int>(core::Direction::InputOutput) == PSJ_DIRECTION_INPUT_OUTPUT);
static_assert(static_cast<int>(core::DataType::String) == PSJ_TYPE_STRING);
static_assert(static_cast<int>(core::DataType::Secret) == PSJ_TYPE_SECRET);
static_assert(static_cast<int>(core::DataType::Int) == PSJ_TYPE_INT);
static_assert(static_cast<int>(core::DataType::Float) == PSJ_TYPE_FLOAT);
static_assert(static_cast<int>(core::DataType::Bool) == PSJ_TYPE_BOOL);
static_assert(static_cast<int>(core::DataType::Json) == PSJ_TYPE_JSON);
static_assert(static_cast<int>(core::DataType::JsonArray) == PSJ_TYPE_JSON_ARRAY);
static_assert(static_cast<int>(core::RunState::Unknown) == PSJ_STATE_UNKNOWN);
static_assert(static_cast<int>(core::RunState::Starting) == PSJ_STATE_STARTING);
static_assert(static_cast<int>(core::RunState::Running) == PSJ_STATE_RUNNING);
static_assert(static_cast<int>(core::RunState::Success) == PSJ_STATE_SUCCESS);
static_assert(static_cast<int>(core::RunState::Failed) == PSJ_STATE_FAILED);
static_assert(static_cast<int>(core::RunState::Cancelled) == PSJ_STATE_CANCELLED);
static_assert(static_cast<int>(core::ErrorCode::RateLimited) == PSJ_E_RATE_LIMITED);
static_assert(static_cast<int>(core::ErrorCode::Unavailable) == PSJ_E_UNAVAILABLE);
static_assert(static_cast<int>(core::ErrorCode::Timeout) == PSJ_E_TIMEOUT);
static_assert(static_cast<int>(core::ErrorCode::Interrupted) == PSJ_E_INTERRUPTED);
static_assert(static_cast<int>(core::ErrorCode::InvalidSettings) == PSJ_E_INVALID_SETTINGS);
static_assert(static_cast<int>(core::ErrorCode::Authentication) == PSJ_E_AUTHENTICATION);
static_assert(static_cast<int>(core::ErrorCode::Permission) == PSJ_E_PERMISSION);
static_assert(static_cast<int>(core::ErrorCode::NotFound) == PSJ_E_NOT_FOUND);
static_assert(static_cast<int>(core::ErrorCode::InvalidArgument) == PSJ_E_INVALID_ARGUMENT);
static_assert(static_cast<int>(core::ErrorCode::Rejected) == PSJ_E_REJECTED);
static_assert(static_cast<int>(core::ErrorCode::Unsupported) == PSJ_E_UNSUPPORTED);
static_assert(static_cast<int>(core::ErrorCode::Internal) == PSJ_E_INTERNAL);

}  // namespace aifoundry::abi
