#include "polysync_host/RunRequest.h"

namespace polysync::host {

KeyValueArray::KeyValueArray(const std::vector<Setting>& settings) {
  items_.reserve(settings.size());
  for (const auto& s : settings) {
    psj_kv kv{};
    kv.struct_size = sizeof(psj_kv);
    kv.flags = s.secret ? PSJ_KV_SECRET : 0u;
    kv.key = toPsjStr(s.key);
    kv.value = toPsjStr(s.value);
    items_.push_back(kv);
  }
  for (const auto& kv : items_) pointers_.push_back(&kv);
}

ParameterArray::ParameterArray(const std::vector<RunParameter>& parameters) {
  items_.reserve(parameters.size());
  for (const auto& p : parameters) {
    psj_parameter param{};
    param.struct_size = sizeof(psj_parameter);
    param.direction = p.direction;
    param.data_type = p.dataType;
    param.flags = (p.secret || p.dataType == PSJ_TYPE_SECRET) ? PSJ_PARAM_SECRET : 0u;
    param.name = toPsjStr(p.name);
    param.value = toPsjStr(p.value);
    items_.push_back(param);
  }
  for (const auto& param : items_) pointers_.push_back(&param);
}

}  // namespace polysync::host
