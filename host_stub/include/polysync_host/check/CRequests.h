// Builders of the host-side C request structs (settings, parameters, run requests, run refs) with storage
// that stays put while the plugin borrows it.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "polysync/jobtype_v1.h"

namespace polysync::host::check {

inline psj_str cstr(const std::string& text) { return psj_str{text.c_str(), text.size()}; }

// Entries of the C struct `Item` and the pointer array the ABI wants, with the text they point at: all of it
// stays put while the plugin borrows it. at() lets a test break an entry after adding it.
template <class Item>
class CStructList {
 public:
  const Item* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  std::uint64_t size() const { return pointers_.size(); }
  Item& at(std::size_t i) { return *items_[i]; }

 protected:
  // A new entry at the end, zeroed but for its struct_size.
  Item& append() {
    auto item = std::make_unique<Item>();
    item->struct_size = sizeof(Item);
    pointers_.push_back(item.get());
    items_.push_back(std::move(item));
    return *items_.back();
  }
  // A copy of `text` kept as long as the list.
  psj_str keep(const std::string& text) { return cstr(text_.emplace_back(text)); }

 private:
  std::deque<std::string> text_;
  std::vector<std::unique_ptr<Item>> items_;
  std::vector<const Item*> pointers_;
};

class KvList : public CStructList<psj_kv> {
 public:
  KvList& add(const std::string& key, const std::string& value, std::uint32_t flags = 0);
};

class ParameterList : public CStructList<psj_parameter> {
 public:
  ParameterList& add(const std::string& name, std::int32_t direction, std::int32_t dataType,
                     const std::string& value, std::uint32_t flags = 0);
};

struct RunRequestData {
  std::string externalId;
  std::string displayName = "test run";
  std::string idempotencyKey;
  KvList attributes;
  ParameterList parameters;
  psj_run_request get() const;
};

struct RunRefData {
  std::string runId;
  ParameterList parameters;
  psj_run_ref get() const;
};

// `filter` is borrowed: pass a string literal or text that outlives the request.
psj_import_request importRequest(std::string_view filter);

}  // namespace polysync::host::check
