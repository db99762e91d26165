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

// Entries of the C struct `Item` made from host values, and the pointer array the ABI wants. The entries
// borrow the values' text: the values must outlive this.
template <class Item>
class BorrowingArray {
 public:
  const Item* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  uint64_t size() const { return pointers_.size(); }

 protected:
  template <class Value, class MakeItem>
  BorrowingArray(const std::vector<Value>& values, MakeItem makeItem) {
    items_.reserve(values.size());
    for (const auto& value : values) items_.push_back(makeItem(value));
    for (const auto& item : items_) pointers_.push_back(&item);
  }

 private:
  std::vector<Item> items_;
  std::vector<const Item*> pointers_;
};

// psj_kv entries borrowing from `settings`.
class KeyValueArray : public BorrowingArray<psj_kv> {
 public:
  explicit KeyValueArray(const std::vector<Setting>& settings);
};

// psj_parameter entries borrowing from `parameters`.
class ParameterArray : public BorrowingArray<psj_parameter> {
 public:
  explicit ParameterArray(const std::vector<RunParameter>& parameters);
};

// A borrowed view of `s` for the ABI (NUL-terminated, since std::string is).
inline psj_str toPsjStr(const std::string& s) { return psj_str{s.c_str(), s.size()}; }

}  // namespace polysync::host
