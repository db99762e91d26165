// Builders of the host-side C request structs (settings, parameters, run requests, run refs) with storage
// that stays put while the plugin borrows it.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "polysync/jobtype_v1.h"

namespace polysync::host::check {

inline psj_str cstr(const std::string& text) { return psj_str{text.c_str(), text.size()}; }

class KvList {
 public:
  KvList& add(const std::string& key, const std::string& value, std::uint32_t flags = 0);
  const psj_kv* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  std::uint64_t size() const { return pointers_.size(); }
  psj_kv& at(std::size_t i) { return *items_[i]; }

 private:
  std::deque<std::string> text_;
  std::vector<std::unique_ptr<psj_kv>> items_;
  std::vector<const psj_kv*> pointers_;
};

class ParameterList {
 public:
  ParameterList& add(const std::string& name, std::int32_t direction, std::int32_t dataType,
                     const std::string& value, std::uint32_t flags = 0);
  const psj_parameter* const* data() const { return pointers_.empty() ? nullptr : pointers_.data(); }
  std::uint64_t size() const { return pointers_.size(); }
  psj_parameter& at(std::size_t i) { return *items_[i]; }

 private:
  std::deque<std::string> text_;
  std::vector<std::unique_ptr<psj_parameter>> items_;
  std::vector<const psj_parameter*> pointers_;
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
