#include "abi/RequestReader.h"

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "abi/AbiLimits.h"
#include "abi/CoreEnums.h"
#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

using core::ErrorCode;
using core::JobTypeError;

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

// A text the request must carry: empty, it is refused with `whenEmpty`.
std::string requiredText(const psj_str& text, std::string_view what, ErrorCode code,
                         const std::string& whenEmpty) {
  std::string result(borrowed(text, what, code));
  if (result.empty()) invalid(code, whenEmpty);
  return result;
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

// Reads one of the host's lists: the list and each entry's struct are checked, then `readOne(entry, name)`
// makes the item, where `name` says which entry it is for error messages ("<entryPrefix><index>").
template <class Entry, class ReadOne>
auto readList(const Entry* const* entries, std::uint64_t count, std::size_t entrySize,
              const std::string& what, const std::string& entryPrefix, ErrorCode code, ReadOne readOne) {
  requireList(entries, count, what, code);
  std::vector<std::invoke_result_t<ReadOne, const Entry&, const std::string&>> items;
  items.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string name = entryPrefix + std::to_string(i);
    requireStruct(entries[i], entrySize, name, code);
    items.push_back(readOne(*entries[i], name));
  }
  return items;
}

std::vector<core::Setting> readKeyValues(const psj_kv* const* items, std::uint64_t count,
                                         const std::string& what, ErrorCode code) {
  return readList(
      items, count, kKvSize, what, what + " entry ", code, [&](const psj_kv& item, const std::string& entry) {
        core::Setting setting;
        setting.key = requiredText(item.key, entry + " key", code, entry + " has an empty key");
        setting.secret = (item.flags & PSJ_KV_SECRET) != 0;
        setting.value =
            common::SecretString(borrowed(item.value, "the value of '" + setting.key + "'", code));
        return setting;
      });
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
  return readList(
      items, count, kParameterSize, what, what + " ", code,
      [&](const psj_parameter& item, const std::string& entry) {
        core::Parameter parameter;
        parameter.name = requiredText(item.name, entry + " name", code, entry + " has an empty name");
        const std::string named = "parameter '" + parameter.name + "'";
        parameter.direction = readDirection(item.direction, named);
        parameter.dataType = readDataType(item.data_type, named);
        parameter.secret =
            (item.flags & PSJ_PARAM_SECRET) != 0 || parameter.dataType == core::DataType::Secret;
        parameter.value = common::SecretString(borrowed(item.value, "the value of " + named, code));
        return parameter;
      });
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
  result.externalId = requiredText(request->external_id, "the external id", ErrorCode::InvalidArgument,
                                   "the run request has an empty external id");
  result.displayName = readText(request->display_name, "the display name");
  result.idempotencyKey = readText(request->idempotency_key, "the idempotency key");
  result.attributes = readKeyValues(request->attributes, request->attribute_count, "job attributes",
                                    ErrorCode::InvalidArgument);
  result.parameters = readParameters(request->parameters, request->parameter_count, "parameter");
  return result;
}

core::RunRef readRunRef(const psj_run_ref* ref) {
  requireStruct(ref, kRunRefSize, "the run reference", ErrorCode::InvalidArgument);
  std::string runId = requiredText(ref->run_id, "the run id", ErrorCode::InvalidArgument,
                                   "the run id is empty; pass the id run() returned");
  if (runId.size() > kMaxRunIdBytes) {
    invalid(ErrorCode::InvalidArgument,
            "the run id is longer than " + std::to_string(kMaxRunIdBytes) + " bytes");
  }
  return core::RunRef{std::move(runId), readParameters(ref->parameters, ref->parameter_count, "parameter")};
}

}  // namespace aifoundry::abi
