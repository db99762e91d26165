// The host's owned form of what it passes to a plugin: settings, attributes, parameters, a run request.
#pragma once

#include <polysync/jobtype_v1/base.h>

#include <cstdint>
#include <string>
#include <vector>

namespace polysync::host {

// One connection setting or job attribute.
struct Setting {
  std::string key;
  std::string value;
  bool secret = false;  // PSJ_KV_SECRET: never logged or echoed
};

// One parameter of a run.
struct RunParameter {
  std::string name;
  int32_t direction = PSJ_DIRECTION_INPUT;
  int32_t dataType = PSJ_TYPE_STRING;
  std::string value;    // Polysync text of the value; empty for Output parameters
  bool secret = false;  // PSJ_PARAM_SECRET; always set for Secret
};

struct RunRequest {
  std::string externalId;
  std::string displayName;
  std::string idempotencyKey;
  std::vector<Setting> attributes;
  std::vector<RunParameter> parameters;
};

// psj_kv entries borrowing from `settings` (which must outlive this), and the pointer array the ABI wants.
class KeyValueArray {
 public:
  explicit KeyValueArray(const std::vector<Setting>& settings);
  const psj_kv* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  uint64_t size() const { return pointers_.size(); }

 private:
  std::vector<psj_kv> items_;
  std::vector<const psj_kv*> pointers_;
};

// psj_parameter entries borrowing from `parameters` (which must outlive this).
class ParameterArray {
 public:
  explicit ParameterArray(const std::vector<RunParameter>& parameters);
  const psj_parameter* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  uint64_t size() const { return pointers_.size(); }

 private:
  std::vector<psj_parameter> items_;
  std::vector<const psj_parameter*> pointers_;
};

// A borrowed view of `s` for the ABI (NUL-terminated, since std::string is).
inline psj_str toPsjStr(const std::string& s) { return psj_str{s.c_str(), s.size()}; }

}  // namespace polysync::host
