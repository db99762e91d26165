// Setting: one connection setting or job attribute, by its Polysync name (e.g. "Subscription Id").
// Values flagged secret by the host (PSJ_KV_SECRET) stay secret: never log, echo or put them in a message.
// Every value is a SecretString, so even a setting the host did not flag is wiped when dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/SecretString.h"

namespace aifoundry::core {

struct Setting {
  std::string key;
  common::SecretString value;
  bool secret = false;
};

// The first setting named `key` exactly, else the first whose name differs only in ASCII case (the sign-in
// and ARM layers read names the same way), or nullptr.
const Setting* findSetting(const std::vector<Setting>& settings, std::string_view key) noexcept;

}  // namespace aifoundry::core
