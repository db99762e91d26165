#include "polysync_host/AbiNames.h"

#include <polysync/jobtype_v1/base.h>
#include <polysync/jobtype_v1/job_type.h>

#include <cstdio>
#include <utility>

#include "common/EnumNames.h"

namespace polysync::host {
namespace {

constexpr aifoundry::common::EnumName<int32_t> kDirections[] = {{PSJ_DIRECTION_INPUT, "Input"},
                                                                {PSJ_DIRECTION_OUTPUT, "Output"},
                                                                {PSJ_DIRECTION_INPUT_OUTPUT, "Input&Output"}};

constexpr aifoundry::common::EnumName<int32_t> kDataTypes[] = {
    {PSJ_TYPE_STRING, "String"},       {PSJ_TYPE_SECRET, "Secret"}, {PSJ_TYPE_INT, "Int"},
    {PSJ_TYPE_FLOAT, "Float"},         {PSJ_TYPE_BOOL, "Bool"},     {PSJ_TYPE_JSON, "JSON"},
    {PSJ_TYPE_JSON_ARRAY, "JsonArray"}};

constexpr aifoundry::common::EnumName<int32_t> kStates[] = {
    {PSJ_STATE_UNKNOWN, "Unknown"}, {PSJ_STATE_STARTING, "Starting"}, {PSJ_STATE_RUNNING, "Running"},
    {PSJ_STATE_SUCCESS, "Success"}, {PSJ_STATE_FAILED, "Failed"},     {PSJ_STATE_CANCELLED, "Cancelled"}};

}  // namespace

const char* directionName(int32_t direction) {
  return aifoundry::common::nameIn(kDirections, direction, "Input");
}

std::optional<int32_t> parseDirection(const std::string& name) {
  return aifoundry::common::valueNamed(kDirections, name);
}

const char* dataTypeName(int32_t dataType) {
  return aifoundry::common::nameIn(kDataTypes, dataType, "String");
}

std::optional<int32_t> parseDataType(const std::string& name) {
  return aifoundry::common::valueNamed(kDataTypes, name);
}

const char* stateName(int32_t state) {
  return aifoundry::common::nameIn(kStates, state, PSJ_STATE_IS_TERMINAL(state) ? "Failed" : "Unknown");
}

std::vector<std::string> capabilityNames(uint32_t capabilities) {
  constexpr std::pair<uint32_t, const char*> kCaps[] = {{PSJ_CAP_TEST_CONNECTION, "testConnection"},
                                                        {PSJ_CAP_IMPORT, "import"},
                                                        {PSJ_CAP_CANCEL, "cancel"},
                                                        {PSJ_CAP_OUTPUTS, "outputs"},
                                                        {PSJ_CAP_IDEMPOTENT_RUN, "idempotentRun"},
                                                        {PSJ_CAP_STATELESS_POLL, "statelessPoll"},
                                                        {PSJ_CAP_PROGRESS, "progress"}};
  std::vector<std::string> names;
  uint32_t known = 0;
  for (const auto& [bit, text] : kCaps) {
    known |= bit;
    if (capabilities & bit) names.emplace_back(text);
  }
  if (uint32_t rest = capabilities & ~known) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%x", rest);
    names.emplace_back(buf);
  }
  return names;
}

}  // namespace polysync::host
