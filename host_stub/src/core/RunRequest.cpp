#include "polysync_host/RunRequest.h"

namespace polysync::host {
namespace {

psj_kv keyValueOf(const Setting& s) {
  psj_kv kv{};
  kv.struct_size = sizeof(psj_kv);
  kv.flags = s.secret ? PSJ_KV_SECRET : 0u;
  kv.key = toPsjStr(s.key);
  kv.value = toPsjStr(s.value);
  return kv;
}

psj_parameter parameterOf(const RunParameter& p) {
  psj_parameter param{};
  param.struct_size = sizeof(psj_parameter);
  param.direction = p.direction;
  param.data_type = p.dataType;
  param.flags = (p.secret || p.dataType == PSJ_TYPE_SECRET) ? PSJ_PARAM_SECRET : 0u;
  param.name = toPsjStr(p.name);
  param.value = toPsjStr(p.value);
  return param;
}

}  // namespace

KeyValueArray::KeyValueArray(const std::vector<Setting>& settings) : BorrowingArray(settings, keyValueOf) {}

ParameterArray::ParameterArray(const std::vector<RunParameter>& parameters)
    : BorrowingArray(parameters, parameterOf) {}

}  // namespace polysync::host
