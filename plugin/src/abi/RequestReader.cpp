#include "abi/RequestReader.h"

#include <string>

#include "abi/AbiLimits.h"
#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

using core::ErrorCode;
using core::JobTypeError;

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

[[noreturn]] void invalid(ErrorCode code, const std::string& message) { throw JobTypeError(code, message); }

std::string_view borrowed(const psj_str& text, std::string_view what, ErrorCode code) {
  if (text.len == 0) return {};
  if (text.data == nullptr) {
    invalid(code, std::string(what) + " has a length but no data; the host must pass {NULL, 0} for no text");
  }
  if (text.len > kMaxStringBytes) {
    invalid(code, std::string(what) + " is " + std::to_string(text.len) + " bytes, more than the " +
                      std::to_string(kMaxStringBytes) + " this plugin accepts");
  }
  return {text.data, static_cast<std::size_t>(text.len)};
}

template <class Struct>
void requireStruct(const Struct* item, std::size_t minimumSize, const std::string& what, ErrorCode code) {
  if (item == nullptr) invalid(code, what + " is NULL");
  if (item->struct_size < minimumSize) {
    invalid(code, what + " is truncated (struct_size " + std::to_string(item->struct_size) + ", needs " +
                      std::to_string(minimumSize) + ")");
  }
}

template <class Item>
void requireList(const Item* const* items, std::uint64_t count, const std::string& what, ErrorCode code) {
  if (count > 0 && items == nullptr)
    invalid(code, what + ": the list is NULL but its count is " + std::to_string(count));
  if (count > kMaxListEntries) {
    invalid(code, what + ": " + std::to_string(count) + " entries, more than the " +
                      std::to_string(kMaxListEntries) + " this plugin accepts");
  }
}

std::vector<core::Setting> readKeyValues(const psj_kv* const* items, std::uint64_t count,
                                         const std::string& what, ErrorCode code) {
  requireList(items, count, what, code);
  std::vector<core::Setting> settings;
  settings.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string entry = what + " entry " + std::to_string(i);
    requireStruct(items[i], kKvSize, entry, code);
    core::Setting setting;
    setting.key = std::string(borrowed(items[i]->key, entry + " key", code));
    if (setting.key.empty()) invalid(code, entry + " has an empty key");
    setting.secret = (items[i]->flags & PSJ_KV_SECRET) != 0;
    setting.value =
        common::SecretString(borrowed(items[i]->value, "the value of '" + setting.key + "'", code));
    settings.push_back(std::move(setting));
  }
  return settings;
}

core::Direction readDirection(std::int32_t direction, const std::string& what) {
  if (direction < PSJ_DIRECTION_UNSET || direction > PSJ_DIRECTION_INPUT_OUTPUT) {
    invalid(ErrorCode::InvalidArgument, what + " has an unknown direction " + std::to_string(direction));
  }
  return static_cast<core::Direction>(direction);
}

core::DataType readDataType(std::int32_t dataType, const std::string& what) {
  if (dataType < PSJ_TYPE_STRING || dataType > PSJ_TYPE_JSON_ARRAY) {
    invalid(ErrorCode::InvalidArgument, what + " has an unknown data type " + std::to_string(dataType));
  }
  return static_cast<core::DataType>(dataType);
}

std::vector<core::Parameter> readParameters(const psj_parameter* const* items, std::uint64_t count,
                                            const std::string& what) {
  const ErrorCode code = ErrorCode::InvalidArgument;
  requireList(items, count, what, code);
  std::vector<core::Parameter> parameters;
  parameters.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string entry = what + " " + std::to_string(i);
    requireStruct(items[i], kParameterSize, entry, code);
    const psj_parameter& item = *items[i];
    core::Parameter parameter;
    parameter.name = std::string(borrowed(item.name, entry + " name", code));
    if (parameter.name.empty()) invalid(code, entry + " has an empty name");
    const std::string named = "parameter '" + parameter.name + "'";
    parameter.direction = readDirection(item.direction, named);
    parameter.dataType = readDataType(item.data_type, named);
    parameter.secret = (item.flags & PSJ_PARAM_SECRET) != 0 || parameter.dataType == core::DataType::Secret;
    parameter.value = common::SecretString(borrowed(item.value, "the value of " + named, code));
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

}  // namespace

std::string readText(const psj_str& text, std::string_view what) {
  return std::string(borrowed(text, what, ErrorCode::InvalidArgument));
}

std::vector<core::Setting> readSettings(const psj_kv* const* settings, std::uint64_t count) {
  return readKeyValues(settings, count, "settings", ErrorCode::InvalidSettings);
}

core::ImportRequest readImportRequest(const psj_import_request* request) {
  requireStruct(request, kImportRequestSize, "the import request", ErrorCode::InvalidArgument);
  core::ImportRequest result;
  result.filter = readText(request->filter, "the import filter");
  return result;
}

core::RunRequest readRunRequest(const psj_run_request* request) {
  requireStruct(request, kRunRequestSize, "the run request", ErrorCode::InvalidArgument);
  core::RunRequest result;
  result.externalId = readText(request->external_id, "the external id");
  if (result.externalId.empty())
    invalid(ErrorCode::InvalidArgument, "the run request has an empty external id");
  result.displayName = readText(request->display_name, "the display name");
  result.idempotencyKey = readText(request->idempotency_key, "the idempotency key");
  result.attributes = readKeyValues(request->attributes, request->attribute_count, "job attributes",
                                    ErrorCode::InvalidArgument);
  result.parameters = readParameters(request->parameters, request->parameter_count, "parameter");
  return result;
}

core::RunRef readRunRef(const psj_run_ref* ref) {
  requireStruct(ref, kRunRefSize, "the run reference", ErrorCode::InvalidArgument);
  core::RunRef result;
  result.runId = readText(ref->run_id, "the run id");
  if (result.runId.empty())
    invalid(ErrorCode::InvalidArgument, "the run id is empty; pass the id run() returned");
  if (result.runId.size() > kMaxRunIdBytes) {
    invalid(ErrorCode::InvalidArgument,
            "the run id is longer than " + std::to_string(kMaxRunIdBytes) + " bytes");
  }
  result.parameters = readParameters(ref->parameters, ref->parameter_count, "parameter");
  return result;
}

}  // namespace aifoundry::abi
