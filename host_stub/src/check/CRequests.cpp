#include "polysync_host/check/CRequests.h"

namespace polysync::host::check {

KvList& KvList::add(const std::string& key, const std::string& value, std::uint32_t flags) {
  psj_kv& kv = append();
  kv.flags = flags;
  kv.key = keep(key);
  kv.value = keep(value);
  return *this;
}

ParameterList& ParameterList::add(const std::string& name, std::int32_t direction, std::int32_t dataType,
                                  const std::string& value, std::uint32_t flags) {
  psj_parameter& p = append();
  p.direction = direction;
  p.data_type = dataType;
  p.flags = flags;
  p.name = keep(name);
  p.value = keep(value);
  return *this;
}

psj_run_request RunRequestData::get() const {
  psj_run_request request{};
  request.struct_size = sizeof(psj_run_request);
  request.external_id = cstr(externalId);
  request.display_name = cstr(displayName);
  request.idempotency_key = cstr(idempotencyKey);
  request.attributes = attributes.data();
  request.attribute_count = attributes.size();
  request.parameters = parameters.data();
  request.parameter_count = parameters.size();
  return request;
}

psj_run_ref RunRefData::get() const {
  psj_run_ref ref{};
  ref.struct_size = sizeof(psj_run_ref);
  ref.run_id = cstr(runId);
  ref.parameters = parameters.data();
  ref.parameter_count = parameters.size();
  return ref;
}

psj_import_request importRequest(std::string_view filter) {
  psj_import_request request{};
  request.struct_size = sizeof(psj_import_request);
  request.filter = psj_str{filter.data(), filter.size()};
  return request;
}

}  // namespace polysync::host::check
